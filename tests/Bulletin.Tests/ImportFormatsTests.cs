using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tests;

/// <summary>`bulletin import` over the agency, wire, feed and WordPress files in the samples, stored and stored again.</summary>
public sealed class ImportFormatsTests
{
    private static readonly string[] NinjsVersions = ["2.1", "3.0"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_EveryNinjsAgencyExample_StoresEachWithItsHeadlineAndAgainChangesNothing()
    {
        var files = NinjsVersions
            .SelectMany(v => Directory.EnumerateFiles(Samples.Require($"ninjs/examples/{v}"), "*.json"))
            .Order(StringComparer.Ordinal).ToArray();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);

        var first = await ImportJsonAsync(database, files);

        Assert.Equal(30, first.Count);
        Assert.All(first, item => Assert.True(item.GetProperty("ok").GetBoolean(), item.GetProperty("error").GetString()));
        Assert.All(first, item => Assert.Equal("ninjs", item.GetProperty("format").GetString()));
        // 2.1 and 3.0 carry the same agency items (same uri): the second copy of each updates the first, never duplicates it.
        var identities = first.Select(i => (i.GetProperty("source").GetString(), i.GetProperty("identity").GetString())).Distinct().Count();
        Assert.Equal(identities, first.Count(i => i.GetProperty("outcome").GetString() == "new"));
        await using (var db = database.NewContext())
        {
            Assert.Equal(identities, await db.Stories.CountAsync(Cancel));
            var dpa = await db.Stories.SingleAsync(s => s.ExternalId == "urn:newsml:dpa.com:20090101:190510-99-167362", Cancel);
            Assert.Equal("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", dpa.Headline);
            Assert.Equal("dpa.com", dpa.Source);
            Assert.Equal(new DateTimeOffset(2019, 5, 10, 14, 2, 28, TimeSpan.Zero), dpa.PublishedAt);
            Assert.Equal(SegmentKind.Article, Assert.Single(dpa.Segments).Kind);
        }

        var again = await ImportJsonAsync(database, files);

        Assert.All(again, item => Assert.Equal("unchanged", item.GetProperty("outcome").GetString()));
        await using (var db = database.NewContext())
        {
            Assert.Equal(identities, await db.Stories.CountAsync(Cancel));
        }
    }

    [Fact]
    public async Task Import_NewsMlG2NewVersionThenCancellation_UpdatesKeepingTheOldAsARevisionThenKills()
    {
        var listing = await File.ReadAllTextAsync(Samples.Require("newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml"), Cancel);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var file = Path.Combine(database.DataDirectory, "fed.xml");
        await File.WriteAllTextAsync(file, listing, Cancel);

        Assert.Equal("new", Assert.Single(await ImportJsonAsync(database, file)).GetProperty("outcome").GetString());
        Assert.Equal("unchanged", Assert.Single(await ImportJsonAsync(database, file)).GetProperty("outcome").GetString());

        await File.WriteAllTextAsync(file, listing
            .Replace("version=\"11\"", "version=\"12\"", StringComparison.Ordinal)
            .Replace(" Fed to halt QE to avert \"bubble\"</headline>", "Fed halts QE to avert \"bubble\"</headline>", StringComparison.Ordinal), Cancel);
        var updated = Assert.Single(await ImportJsonAsync(database, file));

        Assert.Equal("updated", updated.GetProperty("outcome").GetString());
        Assert.Equal("12", updated.GetProperty("version").GetString());
        await using (var db = database.NewContext())
        {
            var story = await db.Stories.SingleAsync(Cancel);
            Assert.Equal("Fed halts QE to avert \"bubble\"", story.Headline);
            var revisions = await db.StoryRevisions.Where(r => r.StoryId == story.Id).OrderBy(r => r.Version).ToListAsync(Cancel);
            Assert.Equal(2, revisions.Count);
            Assert.Equal("Fed to halt QE to avert \"bubble\"", revisions[0].ReadWith(story).Content.Headline);
        }

        // Version 11 delivered late, and version 12 again with a change the agency did not number: neither changes the story.
        await File.WriteAllTextAsync(file, listing, Cancel);
        var late = Assert.Single(await ImportJsonAsync(database, file));
        Assert.Equal("unchanged", late.GetProperty("outcome").GetString());
        Assert.Contains(late.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("older than the one stored (12)", StringComparison.Ordinal));
        await File.WriteAllTextAsync(file, listing.Replace("version=\"11\"", "version=\"12\"", StringComparison.Ordinal), Cancel);
        Assert.Equal("unchanged", Assert.Single(await ImportJsonAsync(database, file)).GetProperty("outcome").GetString());
        await using (var db = database.NewContext())
        {
            var story = await db.Stories.SingleAsync(Cancel);
            Assert.Equal("Fed halts QE to avert \"bubble\"", story.Headline);
            Assert.Equal("12", story.SourceVersion);
        }

        await File.WriteAllTextAsync(file, listing
            .Replace("version=\"11\"", "version=\"13\"", StringComparison.Ordinal)
            .Replace("stat:usable", "stat:canceled", StringComparison.Ordinal), Cancel);
        var killed = Assert.Single(await ImportJsonAsync(database, "--publish", file));

        Assert.Equal("updated", killed.GetProperty("outcome").GetString());
        Assert.True(killed.GetProperty("killed").GetBoolean());
        await using (var db = database.NewContext())
        {
            var story = await db.Stories.SingleAsync(Cancel);
            Assert.Equal(StoryStatus.Killed, story.Status);
            Assert.Equal(0, await db.PublishedStories.CountAsync(Cancel));
        }
    }

    [Fact]
    public async Task Import_WordPressThemeTestData_StoresPostsAndPagesWithSectionsTagsAndAuthorsAndAgainChangesNothing()
    {
        var export = Samples.Require("wxr/theme-test-data/themeunittestdata.wordpress.xml");
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);

        var first = await ImportJsonAsync(database, "--publish", export);

        Assert.Equal(79, first.Count);
        Assert.All(first, item => Assert.Equal("new", item.GetProperty("outcome").GetString()));
        Assert.All(first, item => Assert.Equal("wxr", item.GetProperty("format").GetString()));
        await using (var db = database.NewContext())
        {
            var stories = await db.Stories.ToListAsync(Cancel);
            Assert.Equal(79, stories.Count);
            // 56 published posts and 21 pages go live; the draft and the scheduled post stay drafts.
            Assert.Equal(77, stories.Count(s => s.IsLive));
            Assert.Equal(["Theme Buster", "Theme Reviewer"], stories.SelectMany(s => s.Bylines).Distinct().Order(StringComparer.Ordinal).ToList());
            Assert.True(stories.SelectMany(s => s.Tags).Distinct().Count() >= 64);
            var sections = await db.Sections.ToDictionaryAsync(s => s.Id, s => s.Slug, Cancel);
            Assert.Equal(4, stories.Where(s => s.SectionId is not null).Select(s => s.SectionId).Distinct().Count());
            Assert.Contains("block", stories.Where(s => s.SectionId is not null).Select(s => sections[s.SectionId!.Value]));
            var scale = stories.Single(s => s.Headline == "WP 6.1 Font size scale");
            Assert.Equal("163", scale.ExternalId);
            Assert.Equal("wpthemetestdata.wordpress.com", scale.Source);
        }

        var again = await ImportJsonAsync(database, "--publish", export);

        Assert.All(again, item => Assert.Equal("unchanged", item.GetProperty("outcome").GetString()));
        await using (var db = database.NewContext())
        {
            Assert.Equal(79, await db.Stories.CountAsync(Cancel));
            Assert.Equal(79, await db.StoryRevisions.CountAsync(r => r.Action == "import", Cancel));
        }
    }

    [Fact]
    public async Task ImportDryRun_MixedFolder_TellsEachFormatFromItsContents()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "mixed")).FullName;
        File.Copy(Samples.Require("ninjs/examples/3.0/ntb_text.json"), Path.Combine(folder, "a.json"));
        File.Copy(Samples.Require("newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml"), Path.Combine(folder, "b.xml"));
        File.Copy(Samples.Require("feeds/feedparser/tests/json/example.json"), Path.Combine(folder, "c.json"));
        File.Copy(Samples.Require("feeds/feedparser/tests/wellformed/rss/item_title.xml"), Path.Combine(folder, "d.xml"));
        File.Copy(Samples.Require("wxr/wordpress-importer/phpunit/data/valid-wxr-1.1.xml"), Path.Combine(folder, "e.xml"));
        File.Copy(Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt"), Path.Combine(folder, "f.txt"));

        var items = await ImportJsonAsync(database, "--dry-run", folder);

        Assert.Equal(["a.json:ninjs", "b.xml:newsml", "c.json:feed", "c.json:feed", "d.xml:feed", "e.xml:wxr", "e.xml:wxr", "f.txt:page"],
            items.Select(i => $"{Path.GetFileName(i.GetProperty("file").GetString())}:{i.GetProperty("format").GetString() ?? "auto"}"));
        Assert.All(items, item => Assert.True(item.GetProperty("ok").GetBoolean(), item.GetProperty("error").GetString()));
        Assert.Equal(["Google har kjøpt giganttomt i Skien", "Fed to halt QE to avert \"bubble\"", "post 2", "Hello, world!", "Item 1 title"],
            items.Take(5).Select(i => i.GetProperty("story").GetProperty("headline").GetString()));
    }

    [Fact]
    public async Task ImportedWireStory_IsArticleTextOnThePublicPageInNinjsAndInTheFeed()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var item = Assert.Single(await ImportJsonAsync(database, "--publish", Samples.Require("ninjs/examples/2.1/dpa_text.json")));
        var url = item.GetProperty("story").GetProperty("url").GetString()!;
        await using var server = await BulletinServer.StartAsync(database);

        var (response, page) = await server.GetPageAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var article = Assert.Single(page.QuerySelectorAll(".script .segment.article"));
        Assert.True(article.QuerySelectorAll("p").Length > 3);
        Assert.StartsWith("Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».", article.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        // Article text is read as it stands: no studio or reporter marker above it.
        Assert.Null(article.QuerySelector(".marker"));

        using var list = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/public/stories", UriKind.Relative), Cancel));
        var id = list.RootElement.GetProperty("stories")[0].GetProperty("id").GetString();
        var ninjs = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/public/stories/{id}/ninjs", UriKind.Relative), Cancel)).RootElement;
        Assert.Empty(JsonSchemas.Errors(JsonSchemas.Ninjs(), ninjs));
        Assert.Contains(ninjs.GetProperty("bodies").EnumerateArray(), b => b.GetProperty("role").GetString() == "article");

        var feed = await server.Client.GetStringAsync(new Uri("/en/rss.xml", UriKind.Relative), Cancel);
        Assert.Contains("Faktencheck Derby-Elfmeter", feed, StringComparison.Ordinal);
        Assert.Contains("Für Lucien Favre", feed, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> ImportJsonAsync(TestDatabase database, params string[] args)
    {
        var run = await BulletinCli.RunAsync(database, ["import", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
