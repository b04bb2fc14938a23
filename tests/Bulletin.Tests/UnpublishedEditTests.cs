using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>
/// A published story is edited (headline, script, tags and section) and the edit is saved but not published.
/// Then another story is published, which empties every cache, so each surface below is built again from the
/// database: each must still show the story as it was published, and nothing of the edit.
/// </summary>
public abstract class UnpublishedEditTests(UnpublishedEditTests.EditedSite site)
{
    public const string LiveHeadline = "Harbour cranes stand idle as the storm nears";
    public const string EditedHeadline = "Zeppelin fleet grounded over the harbour";
    public const string EditedWord = "zeppelin";
    public const string LiveWord = "idle";
    public const string LiveTag = "harbour";
    public const string EditedTag = "airships";

    [Fact]
    public async Task StoryPage_AfterAnUnpublishedEdit_ShowsThePublishedVersion()
    {
        var server = site.Server();
        var (response, page) = await server.GetPageAsync(site.StoryPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LiveHeadline, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Politics", page.QuerySelector(".kicker")!.TextContent.Trim());
        Assert.DoesNotContain(EditedWord, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.QuerySelectorAll("meta[property='article:tag']"), m => m.GetAttribute("content") == EditedTag);
    }

    [Fact]
    public async Task SectionPage_AfterAnUnpublishedMove_KeepsTheStoryInItsPublishedSection()
    {
        var server = site.Server();
        var (_, world) = await server.GetPageAsync("/en/section/world");
        Assert.DoesNotContain(world.QuerySelectorAll(".story-list a"), a => a.GetAttribute("href") == site.StoryPath);
        var (_, politics) = await server.GetPageAsync("/en/section/politics");
        var link = Assert.Single(politics.QuerySelectorAll(".story-list a"), a => a.GetAttribute("href") == site.StoryPath);
        Assert.Equal(LiveHeadline, link.TextContent.Trim());
    }

    [Fact]
    public async Task TagFeed_AfterAnUnpublishedTagChange_ListsTheStoryUnderItsPublishedTagOnly()
    {
        var edited = await site.GetXmlAsync($"/en/tag/{EditedTag}/rss.xml");
        Assert.Empty(edited.Descendants("item"));
        var live = await site.GetXmlAsync($"/en/tag/{LiveTag}/rss.xml");
        Assert.Equal([LiveHeadline], live.Descendants("item").Select(i => (string)i.Element("title")!));
    }

    [Fact]
    public async Task SiteFeed_AfterAnUnpublishedEdit_CarriesThePublishedText()
    {
        var feed = await site.GetXmlAsync("/en/rss.xml");
        var item = Assert.Single(feed.Descendants("item"), i => ((string)i.Element("link")!).EndsWith(site.StoryPath, StringComparison.Ordinal));
        Assert.Equal(LiveHeadline, (string)item.Element("title")!);
        Assert.DoesNotContain(EditedWord, item.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(EditedTag, item.Elements("category").Select(c => c.Value));
    }

    [Fact]
    public async Task Sitemap_AfterAnUnpublishedSave_KeepsTheStorysLastmod()
    {
        var lastmod = Lastmod(await site.GetXmlAsync("/sitemaps/stories-1.xml"), site.StoryPath);
        Assert.Equal(site.LastmodBeforeEdit, lastmod);
    }

    [Fact]
    public async Task NewsSitemap_AfterAnUnpublishedEdit_GivesThePublishedHeadline()
    {
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var sitemap = await site.GetXmlAsync("/news-sitemap.xml");
        var titles = sitemap.Descendants(news + "title").Select(t => t.Value).ToList();
        Assert.Contains(LiveHeadline, titles);
        Assert.DoesNotContain(EditedHeadline, titles);
    }

    [Fact]
    public async Task Ninjs_AfterAnUnpublishedEdit_DescribesThePublishedVersion()
    {
        var ninjs = await site.GetJsonAsync($"/api/public/stories/{site.StoryId}/ninjs");
        Assert.Equal(LiveHeadline, ninjs["headlines"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(site.PublishedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ninjs["version"]!.GetValue<string>());
        Assert.DoesNotContain(EditedWord, ninjs.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var subjects = ninjs["subjects"]!.AsArray().Select(s => s!["literal"]!.GetValue<string>()).ToList();
        Assert.Contains("politics", subjects);
        Assert.DoesNotContain("world", subjects);
        Assert.DoesNotContain(EditedTag, subjects);
    }

    [Fact]
    public async Task PublicApi_AfterAnUnpublishedEdit_GivesThePublishedVersion()
    {
        var story = await site.GetJsonAsync($"/api/public/stories/{site.StoryId}");
        Assert.Equal(LiveHeadline, story["headline"]!.GetValue<string>());
        Assert.Equal([LiveTag], story["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        var world = await site.GetJsonAsync("/api/public/sections/world/stories");
        Assert.Equal(0, world["total"]!.GetValue<int>());
        var latest = await site.GetJsonAsync("/api/public/stories?language=en");
        Assert.Contains(latest["stories"]!.AsArray(), s => s!["headline"]!.GetValue<string>() == LiveHeadline);
        Assert.DoesNotContain(EditedWord, latest.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PublicSearch_AfterAnUnpublishedEdit_FindsThePublishedWordsOnly()
    {
        var edited = await site.GetJsonAsync($"/api/public/search?q={EditedWord}");
        Assert.Equal(0, edited["total"]!.GetValue<int>());
        var live = await site.GetJsonAsync($"/api/public/search?q={LiveWord}");
        var hit = Assert.Single(live["hits"]!.AsArray());
        Assert.Equal(LiveHeadline, hit!["headline"]!.GetValue<string>());
    }

    private static string? Lastmod(XDocument sitemap, string path)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return sitemap.Descendants(ns + "url")
            .Where(u => ((string)u.Element(ns + "loc")!).EndsWith(path, StringComparison.Ordinal))
            .Select(u => (string?)u.Element(ns + "lastmod"))
            .Single();
    }

    /// <summary>The server and the story, set up once per database for every test of the class.</summary>
    public abstract class EditedSite(DatabaseProvider provider) : IAsyncLifetime
    {
        private TestDatabase? _database;
        private BulletinServer? _server;
        private string? _skip;

        public Guid StoryId { get; private set; }
        public string StoryPath { get; private set; } = "";
        public int PublishedVersion { get; private set; }
        public string? LastmodBeforeEdit { get; private set; }

        internal BulletinServer Server()
        {
            if (_skip is not null)
            {
                Assert.Skip(_skip);
            }

            return _server!;
        }

        public async Task<XDocument> GetXmlAsync(string path)
        {
            var response = await Server().Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        public async Task<JsonObject> GetJsonAsync(string path)
        {
            var response = await Server().Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        }

        public async ValueTask InitializeAsync()
        {
            if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
            {
                _skip = $"PostgreSQL run skipped: no server configured ({TestDatabase.PostgresVariable} is not set; .ci/run sets it).";
                return;
            }

            _database = await BulletinServer.NewDatabaseAsync(provider);
            _server = await BulletinServer.StartAsync(_database);
            var editor = new StaffActor(null, "editor@test.example", [StaffRoles.Editor]);
            var cancellationToken = TestContext.Current.CancellationToken;

            Guid politics, world;
            await using (var scope = _server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
                politics = (await db.Sections.SingleAsync(s => s.Slug == "politics", cancellationToken)).Id;
                world = (await db.Sections.SingleAsync(s => s.Slug == "world", cancellationToken)).Id;
            }

            var created = await InScopeAsync(stories => stories.CreateAsync(Content(LiveHeadline, "Cranes stand idle at the terminal.", LiveTag), politics, editor, cancellationToken));
            Assert.True(created.Succeeded, created.Message?.English);
            var story = created.Current!;
            StoryId = story.Id;
            StoryPath = Bulletin.Site.StoryPaths.Story(story);
            foreach (var action in new[] { StoryAction.Submit, StoryAction.Approve, StoryAction.Publish })
            {
                var done = await InScopeAsync(stories => stories.PerformAsync(StoryId, action, editor, cancellationToken));
                Assert.True(done.Succeeded, done.Message?.English);
                PublishedVersion = done.Current!.Version;
            }

            await _server.GetPageWhenAsync(StoryPath, page => page.QuerySelector("h1")?.TextContent.Trim() == LiveHeadline);
            var before = await GetXmlAsync("/sitemaps/stories-1.xml");
            LastmodBeforeEdit = Lastmod(before, StoryPath);
            Assert.NotNull(LastmodBeforeEdit);

            // The sitemap's times are to the second: a save a second later would show if it moved lastmod.
            await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
            var saved = await InScopeAsync(stories => stories.SaveAsync(StoryId, PublishedVersion,
                Content(EditedHeadline, "A zeppelin fleet is grounded over the harbour.", EditedTag), world, editor, cancellationToken));
            Assert.True(saved.Succeeded, saved.Message?.English);

            // Another story goes out: every cached page and feed is dropped, so each is built again from the database.
            var other = (await InScopeAsync(stories => stories.CreateAsync(Content("Ferry timetable restored", "Ferries run again.", "ferries"), politics, editor, cancellationToken))).Current!;
            foreach (var action in new[] { StoryAction.Submit, StoryAction.Approve, StoryAction.Publish })
            {
                Assert.True((await InScopeAsync(stories => stories.PerformAsync(other.Id, action, editor, cancellationToken))).Succeeded);
            }

            var home = await _server.GetPageWhenAsync("/en", page => page.Body!.TextContent.Contains("Ferry timetable restored", StringComparison.Ordinal));
            Assert.Contains("Ferry timetable restored", home.Body!.TextContent, StringComparison.Ordinal);
        }

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }

        private async Task<T> InScopeAsync<T>(Func<NewsroomStories, Task<T>> act)
        {
            await using var scope = _server!.Services.CreateAsyncScope();
            return await act(scope.ServiceProvider.GetRequiredService<NewsroomStories>());
        }

        private static StoryContent Content(string headline, string anchor, string tag) => new()
        {
            Headline = headline,
            Language = Language.English,
            Bylines = ["Daniel Cho"],
            Tags = [tag],
            Segments = [new(SegmentKind.Anchor, anchor), new(SegmentKind.Reporter, "Crews tie down what they can.")],
        };
    }

    public sealed class SqliteSite() : EditedSite(DatabaseProvider.Sqlite);

    public sealed class PostgresSite() : EditedSite(DatabaseProvider.Postgres);
}

public sealed class UnpublishedEditSqliteTests(UnpublishedEditTests.SqliteSite site) : UnpublishedEditTests(site), IClassFixture<UnpublishedEditTests.SqliteSite>;

public sealed class UnpublishedEditPostgresTests(UnpublishedEditTests.PostgresSite site) : UnpublishedEditTests(site), IClassFixture<UnpublishedEditTests.PostgresSite>;
