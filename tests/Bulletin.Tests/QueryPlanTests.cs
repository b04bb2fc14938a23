using System.Net;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>
/// Every query behind the public surfaces is answered from an index: a full table scan would grow with the
/// archive. The server's own queries are recorded while every surface is fetched, and each is explained.
/// </summary>
public sealed class QueryPlanTests
{
    /// <summary>Read whole on purpose, into the in-memory snapshot: a newsroom has a handful of sections.</summary>
    private static readonly string[] SmallTables = ["Sections", "__EFMigrationsHistory"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublicSurfaces_EveryQuery_UsesAnIndex(DatabaseProvider provider)
    {
        var now = TimeProvider.System.GetUtcNow().ToOffset(TestStories.SiteOffset);
        var stories = Enumerable.Range(0, 30)
            .Select(i => i % 2 == 0
                ? TestStories.English($"Ports shut for storm number {i}", now.AddHours(-i), "ports")
                : TestStories.Korean($"폭우로 도로 통제 {i}", now.AddHours(-i), "폭우"))
            .ToList();
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await TestStories.ImportAsync(database, stories, section: "world");
        var plans = new QueryPlanRecorder();
        await using var server = await BulletinServer.StartAsync(database, configure: builder => plans.Attach(builder, provider));
        await server.WaitForSearchAsync();
        Guid id;
        await using (var db = database.NewContext())
        {
            id = await db.PublishedStories.Where(s => s.Language == Language.English).Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        plans.Recording = true;
        string[] paths =
        [
            "/", "/en", TestStories.PathOf(stories[0]), TestStories.PathOf(stories[1]), "/en/news/no-such-story",
            "/en/section/world", "/en/section/world?page=2", "/section/world",
            "/en/rss.xml", "/atom.xml", "/en/section/world/feed.json", "/en/tag/ports/rss.xml", "/tag/폭우/rss.xml",
            "/sitemap.xml", "/sitemaps/stories-1.xml", "/news-sitemap.xml",
            "/api/public/stories", "/api/public/stories?language=en&page=2", "/api/public/sections/world/stories?language=ko",
            $"/api/public/stories/{id}", $"/api/public/stories/{id}/ninjs", "/api/public/search?q=storm", "/en/search?q=storm",
        ];
        foreach (var path in paths)
        {
            var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        plans.Recording = false;
        Assert.NotEmpty(plans.Plans);
        var scans = plans.FullScans(provider, small: SmallTables);
        Assert.True(scans.Length == 0, "Full table scans:\n" + scans);
        // A count of the archive reads an index entry per story, so lists never count on a request: the totals and
        // page counts come from the counts the shared snapshot keeps per change (its one grouped count).
        var counting = plans.Plans.Where(p => p.Sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)
            && p.Sql.Contains("PublishedStories", StringComparison.Ordinal) && !p.Sql.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
        Assert.True(counting.Count == 0, "Counted the archive on a request:\n" + string.Join("\n", counting.Select(p => p.Sql.ReplaceLineEndings(" "))));
        Assert.Contains(plans.Plans, p => p.Sql.Contains("PublishedStoryTags", StringComparison.Ordinal));
    }

    // The newsroom's pages and the staff API: lists and searches an editor opens all day, over an archive that grows.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewsroomSurfaces_EveryQuery_UsesAnIndex(DatabaseProvider provider)
    {
        var now = TimeProvider.System.GetUtcNow().ToOffset(TestStories.SiteOffset);
        var stories = Enumerable.Range(0, 30)
            .Select(i => i % 2 == 0
                ? TestStories.English($"Ports shut for storm number {i}", now.AddHours(-i), "ports")
                : TestStories.Korean($"폭우로 도로 통제 {i}", now.AddHours(-i), "폭우"))
            .ToList();
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await TestStories.ImportAsync(database, stories, section: "world");
        var plans = new QueryPlanRecorder();
        await using var server = await BulletinServer.StartAsync(database, configure: builder => plans.Attach(builder, provider));
        await server.WaitForSearchAsync();
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", Bulletin.Core.Workflow.StaffRoles.Admin, Bulletin.Core.Workflow.StaffRoles.Editor,
            Bulletin.Core.Workflow.StaffRoles.Producer);
        using var session = await StaffSessionTests.SignedInAsync(server, admin);
        using var api = admin.Api(server);
        Guid id;
        await using (var db = database.NewContext())
        {
            id = await db.Stories.Select(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        plans.Recording = true;
        string[] pages =
        [
            "/newsroom", "/newsroom?q=storm", "/newsroom?q=폭우", "/newsroom/admin/audit", "/newsroom/admin/audit?q=admin",
            "/newsroom/admin/users", "/newsroom/desk/incoming", "/newsroom/desk/incoming?q=storm", "/newsroom/desk/picks",
            "/newsroom/tips", "/newsroom/rundowns", $"/newsroom/stories/edit/{id}", $"/newsroom/stories/history/{id}",
        ];
        foreach (var path in pages)
        {
            var html = await session.GetAsync(path);
            Assert.True(session.LastStatus == HttpStatusCode.OK, $"{path}: {(int)session.LastStatus}");
            if (path == "/newsroom?q=폭우")
            {
                // Found through the search index: the Korean stories, and no English one.
                Assert.Contains("폭우로 도로 통제 1", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Ports shut for storm", html, StringComparison.Ordinal);
            }
        }

        string[] calls =
        [
            $"/api/newsroom/stories/{id}", $"/api/newsroom/stories/{id}/revisions", "/api/newsroom/search?q=storm",
            "/api/newsroom/incoming", "/api/newsroom/incoming?q=storm", "/api/newsroom/incoming/sources", "/api/newsroom/rundowns", "/api/newsroom/tips",
        ];
        foreach (var path in calls)
        {
            var response = await api.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        plans.Recording = false;
        Assert.NotEmpty(plans.Plans);
        var scans = plans.FullScans(provider, small: SmallTables);
        Assert.True(scans.Length == 0, "Full table scans:\n" + scans);
    }
}
