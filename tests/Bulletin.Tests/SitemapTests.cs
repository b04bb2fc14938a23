using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class SitemapTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sitemaps_ListThePublishedSite_AndTheNewsSitemapOnlyItsLastTwoDays(DatabaseProvider provider)
    {
        var now = TimeProvider.System.GetUtcNow().ToOffset(TestStories.SiteOffset);
        var fresh = TestStories.English("Ferries cancelled & ports shut", now.AddHours(-1), "ports");
        var yesterday = TestStories.Korean("밤사이 폭우로 도로 통제", now.AddHours(-40));
        var old = TestStories.English("Harbour reopens after the storm", now.AddDays(-3));
        var draft = TestStories.English("A draft nobody may see yet", now.AddMinutes(-5));
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await TestStories.ImportAsync(database, [fresh, yesterday, old], section: "world");
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "draft")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "draft.txt"), Ingest.BroadcastPages.BroadcastPageWriter.Write(draft), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", folder)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);
        string Absolute(string path) => new Uri(server.Address, path).AbsoluteUri;

        var index = await GetXmlAsync(server, "/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal([Absolute("/sitemaps/pages.xml"), Absolute("/sitemaps/stories-1.xml")], sitemaps);

        var pages = await GetXmlAsync(server, "/sitemaps/pages.xml", validate: true);
        var pageUrls = Locs(pages);
        Assert.Contains(Absolute("/"), pageUrls);
        Assert.Contains(Absolute("/en"), pageUrls);
        Assert.Contains(Absolute("/section/world"), pageUrls);
        Assert.Contains(Absolute("/en/section/world"), pageUrls);

        var stories = await GetXmlAsync(server, "/sitemaps/stories-1.xml", validate: true);
        Assert.Equal(new[] { old, yesterday, fresh }.Select(s => Absolute(TestStories.PathOf(s))), Locs(stories));
        Assert.All(stories.Root!.Elements(Sitemap + "url"), u => DateTimeOffset.Parse(u.Element(Sitemap + "lastmod")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync(new Uri("/sitemaps/stories-2.xml", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var news = await GetXmlAsync(server, "/news-sitemap.xml");
        var entries = NewsEntries(news);
        Assert.Equal([Absolute(TestStories.PathOf(fresh)), Absolute(TestStories.PathOf(yesterday))], entries.Select(e => e.Loc));
        Assert.Equal(("Bulletin News", "en", fresh.Headline), (entries[0].Name, entries[0].Language, entries[0].Title));
        Assert.Equal(("Bulletin 뉴스", "ko", yesterday.Headline), (entries[1].Name, entries[1].Language, entries[1].Title));
        // Pages keep their times to the minute.
        Assert.Equal(fresh.PublishedAt!.Value.ToUnixTimeSeconds() / 60, entries[0].Published.ToUnixTimeSeconds() / 60);

        var robots = await server.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains($"Sitemap: {Absolute("/sitemap.xml")}\n", robots, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {Absolute("/news-sitemap.xml")}\n", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandStories_SitemapsSplitWithinTheirLimits_AndFeedsStayBounded()
    {
        const int count = 10_000;
        var now = TimeProvider.System.GetUtcNow().ToOffset(TestStories.SiteOffset);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        // One a minute, going back a week: 2,880 of them fall in the news sitemap's two days.
        await TestStories.ImportAsync(database, Enumerable.Range(1, count).Select(i => new StoryContent
        {
            Headline = i % 2 == 0 ? $"Generated story number {i}" : $"생성된 기사 {i}번",
            Language = i % 2 == 0 ? Language.English : Language.Korean,
            Tags = [i % 3 == 0 ? "three" : "other"],
            Segments = [new(SegmentKind.Anchor, i % 2 == 0 ? $"Story {i} in one paragraph." : $"{i}번 기사의 한 문단입니다.")],
            PublishedAt = now.AddMinutes(-i),
        }), section: "economy");
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Feeds:SitemapPageSize=4000"]);

        var index = await GetXmlAsync(server, "/sitemap.xml");
        var sitemaps = index.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(["pages.xml", "stories-1.xml", "stories-2.xml", "stories-3.xml"], sitemaps.Select(s => s.Split('/')[^1]));
        var all = new List<string>();
        foreach (var sitemap in sitemaps.Skip(1))
        {
            var urls = Locs(await GetXmlAsync(server, new Uri(sitemap).PathAndQuery, validate: true));
            Assert.InRange(urls.Count, 1, 4000);
            all.AddRange(urls);
        }

        Assert.Equal(count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, url => Assert.StartsWith(server.Address.AbsoluteUri, url, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync(new Uri("/sitemaps/stories-4.xml", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var news = NewsEntries(await GetXmlAsync(server, "/news-sitemap.xml"));
        Assert.Equal(1000, news.Count);
        Assert.All(news, e => Assert.InRange(e.Published, now.AddDays(-2), now));
        Assert.Equal(news.OrderByDescending(e => e.Published).Select(e => e.Loc), news.Select(e => e.Loc));

        foreach (var path in new[] { "/rss.xml", "/en/atom.xml", "/en/section/economy/rss.xml", "/tag/three/atom.xml" })
        {
            var feed = await GetXmlAsync(server, path);
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var items = feed.Root!.Name == atom + "feed" ? feed.Root.Elements(atom + "entry").Count() : feed.Root.Element("channel")!.Elements("item").Count();
            Assert.True(items == 50, $"{path}: {items} items");
        }

        var json = await server.Client.GetByteArrayAsync(new Uri("/en/feed.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(50, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.InRange(json.Length, 1, 1_000_000);
    }

    private static async Task<XDocument> GetXmlAsync(BulletinServer server, string path, bool validate = false)
    {
        var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        if (validate)
        {
            // The sitemaps.org 0.9 schema; news sitemaps need Google's news schema too, which is not saved, so
            // they are checked by rule instead.
            settings.Schemas.Add(Sitemap.NamespaceName, Samples.Require("sitemaps/sitemap.js/schema/sitemap.xsd"));
            settings.ValidationType = ValidationType.Schema;
            settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
            settings.ValidationEventHandler += (_, e) => Assert.Fail($"{path}: {e.Message}");
        }

        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }

    private static List<string> Locs(XDocument urlset) =>
        [.. urlset.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value)];

    private sealed record NewsEntry(string Loc, string Name, string Language, DateTimeOffset Published, string Title);

    private static List<NewsEntry> NewsEntries(XDocument sitemap)
    {
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        return
        [
            .. sitemap.Root.Elements(Sitemap + "url").Select(url =>
            {
                var news = url.Elements(News + "news").Single();
                var publication = news.Elements(News + "publication").Single();
                return new NewsEntry(
                    url.Element(Sitemap + "loc")!.Value,
                    publication.Element(News + "name")!.Value,
                    publication.Element(News + "language")!.Value,
                    DateTimeOffset.ParseExact(news.Element(News + "publication_date")!.Value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    news.Element(News + "title")!.Value);
            }),
        ];
    }
}
