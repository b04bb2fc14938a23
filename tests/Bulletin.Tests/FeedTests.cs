using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class FeedTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    // Two English stories (tagged typhoon and ports; tagged ports) and one Korean story tagged 폭우, all in World
    // (Economy stays empty). Headlines carry characters that XML and HTML must escape.
    private static readonly StoryContent Typhoon = TestStories.English("Ports brace for \"record\" typhoons & <delays>", Now.AddHours(-3), "typhoon", "ports");
    private static readonly StoryContent Ferries = TestStories.English("Ferries cancelled as the first storm nears", Now.AddHours(-1), "ports");
    private static readonly StoryContent Rain = TestStories.Korean("밤사이 폭우로 도로 통제…\"출근길 주의\"", Now.AddHours(-2), "폭우", "출근길");

    private static async Task<(TestDatabase Database, BulletinServer Server)> StartAsync(DatabaseProvider provider)
    {
        var database = await BulletinServer.NewDatabaseAsync(provider);
        await TestStories.ImportAsync(database, [Typhoon, Ferries, Rain], section: "world");
        return (database, await BulletinServer.StartAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryFeed_ReadByFeedparser_IsWellFormedWithTheRightTitlesLinksAndScript(DatabaseProvider provider)
    {
        var (database, server) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = server;

        // Path of the feeds (without the file name), the feed's title and link, and its stories, newest first.
        (string Base, string Title, string Link, StoryContent[] Stories)[] scopes =
        [
            ("", "Bulletin 뉴스", "/", [Rain]),
            ("/section/world", "국제 | Bulletin 뉴스", "/section/world", [Rain]),
            ("/section/economy", "경제 | Bulletin 뉴스", "/section/economy", []),
            ("/tag/" + Uri.EscapeDataString("폭우"), "#폭우 | Bulletin 뉴스", "/", [Rain]),
            ("/en", "Bulletin News", "/en", [Ferries, Typhoon]),
            ("/en/section/world", "World | Bulletin News", "/en/section/world", [Ferries, Typhoon]),
            ("/en/section/economy", "Economy | Bulletin News", "/en/section/economy", []),
            ("/en/tag/ports", "#ports | Bulletin News", "/en", [Ferries, Typhoon]),
            ("/en/tag/typhoon", "#typhoon | Bulletin News", "/en", [Typhoon]),
            ("/en/tag/nothing", "#nothing | Bulletin News", "/en", []),
        ];
        var xmlFeeds = scopes.SelectMany(s => new[] { (Scope: s, File: "rss.xml"), (Scope: s, File: "atom.xml") }).ToList();

        var parsed = await FeedParser.ParseAsync(xmlFeeds.Select(f => new Uri(server.Address, $"{f.Scope.Base}/{f.File}")));

        var feeds = parsed.GetProperty("feeds").EnumerateArray().ToList();
        for (var i = 0; i < xmlFeeds.Count; i++)
        {
            var (scope, file) = xmlFeeds[i];
            var feed = feeds[i];
            var where = feed.GetProperty("url").GetString();
            Assert.Equal(200, feed.GetProperty("status").GetInt32());
            Assert.False(feed.GetProperty("bozo").GetBoolean(), $"{where}: {feed.GetProperty("bozoException").GetString()}");
            Assert.Equal(file == "rss.xml" ? "rss20" : "atom10", feed.GetProperty("version").GetString());
            Assert.Equal(scope.Title, feed.GetProperty("title").GetString());
            Assert.Equal(new Uri(server.Address, scope.Link).AbsoluteUri, feed.GetProperty("link").GetString());
            var entries = feed.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(scope.Stories.Select(s => s.Headline), entries.Select(e => e.GetProperty("title").GetString()));
            Assert.Equal(scope.Stories.Select(s => new Uri(server.Address, TestStories.PathOf(s)).AbsoluteUri), entries.Select(e => e.GetProperty("link").GetString()));
            Assert.All(entries, e => Assert.True(e.GetProperty("published").GetBoolean(), where));
        }

        // The whole script reaches the reader, its structure kept: markers, the soundbite as a quotation, the sign-off.
        var typhoon = feeds.First(f => f.GetProperty("url").GetString()!.EndsWith("/en/tag/typhoon/atom.xml", StringComparison.Ordinal))
            .GetProperty("entries")[0].GetProperty("content").GetString()!;
        Assert.Contains("<strong>[Anchor]</strong>", typhoon, StringComparison.Ordinal);
        Assert.Contains("storms &amp; delays", typhoon, StringComparison.Ordinal);
        Assert.Contains("&lt;terminal&gt;", typhoon, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", typhoon, StringComparison.Ordinal);
        Assert.Contains("<cite>Mina Park</cite>, Harbour master (Yesterday)", typhoon, StringComparison.Ordinal);
        Assert.Contains("Daniel Cho, Bulletin News.", typhoon, StringComparison.Ordinal);
        var rain = feeds[0].GetProperty("entries")[0].GetProperty("content").GetString()!;
        Assert.Contains("[앵커]", rain, StringComparison.Ordinal);
        Assert.Contains("<cite>이서준</cite>", rain, StringComparison.Ordinal);

        // JSON Feed: feedparser reads it from 6.1 on; Debian's may be older, so the JSON Feed 1.1 schema checks it too.
        var jsonSchema = JsonSchemas.JsonFeed();
        var jsonFeeds = scopes.Select(s => new Uri(server.Address, $"{s.Base}/feed.json")).ToList();
        var jsonParsed = (await FeedParser.ParseAsync(jsonFeeds)).GetProperty("feeds").EnumerateArray().ToList();
        for (var i = 0; i < scopes.Length; i++)
        {
            var scope = scopes[i];
            var response = await server.Client.GetAsync(jsonFeeds[i], TestContext.Current.CancellationToken);
            Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var root = json.RootElement;
            Assert.Empty(JsonSchemas.Errors(jsonSchema, root));
            Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
            Assert.Equal(scope.Title, root.GetProperty("title").GetString());
            Assert.Equal(new Uri(server.Address, scope.Link).AbsoluteUri, root.GetProperty("home_page_url").GetString());
            Assert.Equal(jsonFeeds[i].AbsoluteUri, root.GetProperty("feed_url").GetString());
            var items = root.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(scope.Stories.Select(s => s.Headline), items.Select(e => e.GetProperty("title").GetString()));
            Assert.Equal(scope.Stories.Select(s => new Uri(server.Address, TestStories.PathOf(s)).AbsoluteUri), items.Select(e => e.GetProperty("url").GetString()));
            Assert.All(items, e => Assert.Contains("<blockquote>", e.GetProperty("content_html").GetString(), StringComparison.Ordinal));

            var read = jsonParsed[i];
            if (read.GetProperty("version").GetString()!.StartsWith("json", StringComparison.Ordinal))
            {
                Assert.False(read.GetProperty("bozo").GetBoolean(), read.GetProperty("bozoException").GetString());
                Assert.Equal(scope.Title, read.GetProperty("title").GetString());
                Assert.Equal(scope.Stories.Select(s => s.Headline), read.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
            }
        }

        // RSS readers that know the extensions find the feed's own address, permanent guids and the reporters' names.
        var rss = XDocument.Parse(await server.Client.GetStringAsync(new Uri("/en/rss.xml", UriKind.Relative), TestContext.Current.CancellationToken));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var channel = rss.Root!.Element("channel")!;
        Assert.Equal(new Uri(server.Address, "/en/rss.xml").AbsoluteUri,
            channel.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var item = channel.Elements("item").Last();
        Assert.Equal(Typhoon.Headline, item.Element("title")!.Value);
        Assert.Equal("true", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.Equal("Daniel Cho", item.Element(dc + "creator")!.Value);
        Assert.Equal(["typhoon", "ports"], item.Elements("category").Select(c => c.Value));
        Assert.Contains("<blockquote>", item.Element("description")!.Value, StringComparison.Ordinal);

        // A section that does not exist has no feeds (a tag feed of an unused tag is merely empty).
        var unknown = await server.Client.GetAsync(new Uri("/en/section/no-such-section/rss.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ConditionalGet_WithTheETagOrLastModified_AnswersNotModified()
    {
        var (database, server) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var __ = server;

        // Feeds and story sitemaps know when their newest story changed; the index and the news sitemap have only an ETag.
        foreach (var (path, dated) in new[]
        {
            ("/rss.xml", true), ("/en/atom.xml", true), ("/en/tag/ports/feed.json", true), ("/sitemaps/stories-1.xml", true),
            ("/sitemap.xml", false), ("/news-sitemap.xml", false),
        })
        {
            var uri = new Uri(path, UriKind.Relative);
            var first = await server.Client.GetAsync(uri, TestContext.Current.CancellationToken);
            var etag = first.Headers.ETag;
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.NotNull(etag);

            using var byTag = new HttpRequestMessage(HttpMethod.Get, uri);
            byTag.Headers.IfNoneMatch.Add(etag);
            var notModified = await server.Client.SendAsync(byTag, TestContext.Current.CancellationToken);
            Assert.True(notModified.StatusCode == HttpStatusCode.NotModified, path);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

            using var head = new HttpRequestMessage(HttpMethod.Head, uri);
            var headResponse = await server.Client.SendAsync(head, TestContext.Current.CancellationToken);
            Assert.True(headResponse.StatusCode == HttpStatusCode.OK, path);
            Assert.Equal(etag, headResponse.Headers.ETag);

            using var otherTag = new HttpRequestMessage(HttpMethod.Get, uri);
            otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(otherTag, TestContext.Current.CancellationToken)).StatusCode);

            if (dated)
            {
                var lastModified = first.Content.Headers.LastModified;
                Assert.True(lastModified is not null, path);

                using var bySince = new HttpRequestMessage(HttpMethod.Get, uri);
                bySince.Headers.IfModifiedSince = lastModified;
                Assert.True((await server.Client.SendAsync(bySince, TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.NotModified, path);

                using var before = new HttpRequestMessage(HttpMethod.Get, uri);
                before.Headers.IfModifiedSince = lastModified.Value.AddHours(-1);
                Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(before, TestContext.Current.CancellationToken)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task PublicPages_AnnounceTheirFeeds_AndAStoryMarksItsSpeakableParts()
    {
        var (database, server) = await StartAsync(DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var __ = server;

        var (_, home) = await server.GetPageAsync("/");
        var (_, section) = await server.GetPageAsync("/en/section/world");
        var (_, story) = await server.GetPageAsync(TestStories.PathOf(Typhoon));

        string[] Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => $"{l.GetAttribute("type")} {l.GetAttribute("href")}")];
        Assert.Equal(["application/rss+xml /rss.xml", "application/atom+xml /atom.xml", "application/feed+json /feed.json"], Links(home));
        Assert.Equal(
            [
                "application/rss+xml /en/rss.xml", "application/atom+xml /en/atom.xml", "application/feed+json /en/feed.json",
                "application/rss+xml /en/section/world/rss.xml", "application/atom+xml /en/section/world/atom.xml", "application/feed+json /en/section/world/feed.json",
            ],
            Links(section));
        Assert.Equal(3, Links(story).Length);
        foreach (var href in Links(section).Select(l => l.Split(' ')[1]))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        // The story page's structured data marks what may be read aloud, with selectors that find it on the page.
        using var jsonLd = JsonDocument.Parse(story.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var speakable = jsonLd.RootElement.GetProperty("speakable");
        Assert.Equal("SpeakableSpecification", speakable.GetProperty("@type").GetString());
        var selectors = speakable.GetProperty("cssSelector").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal([".story h1", ".segment.anchor"], selectors);
        Assert.All(selectors, s => Assert.NotNull(story.QuerySelector(s)));
        Assert.Contains("Ports are bracing for storms & delays.", story.QuerySelector(".segment.anchor")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("World", jsonLd.RootElement.GetProperty("articleSection").GetString());
        Assert.StartsWith("Ports are bracing for storms & delays.", jsonLd.RootElement.GetProperty("articleBody").GetString(), StringComparison.Ordinal);
        Assert.True(jsonLd.RootElement.GetProperty("wordCount").GetInt32() > 20);
    }
}
