using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>The audit log is never trimmed: its page goes back a page at a time, and a search a month at a time.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task TheLog_IsPaged_AndASearchReadsAMonthAndOffersTheMonthBefore()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var now = TimeProvider.System.GetUtcNow();
        await using (var db = database.NewContext())
        {
            db.AuditLog.AddRange(Enumerable.Range(1, 250).Select(i => new AuditEntry(null, "desk@test.example", "story.save", $"story:{i}", null, now.AddMinutes(-i))));
            db.AuditLog.Add(new AuditEntry(null, "desk@test.example", "story.kill", "story:the-old-one", null, now.AddDays(-40)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var session = await StaffSessionTests.SignedInAsync(server, admin);
        var first = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/audit"));
        Assert.Equal(200, first.QuerySelectorAll("#audit tbody tr").Length);
        var older = first.QuerySelector("#audit-older")!.GetAttribute("href")!;
        var second = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/audit" + older));
        // The rest of the 250, the sign-in's own lines and the entry of 40 days ago.
        Assert.Contains(second.QuerySelectorAll("#audit tbody tr"), r => r.TextContent.Contains("story:the-old-one", StringComparison.Ordinal));

        // Searched, the old entry is not in the month read; the page says which month, and offers the one before.
        var searched = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/audit?q=the-old-one"));
        Assert.Equal(HttpStatusCode.OK, session.LastStatus);
        Assert.Empty(searched.QuerySelectorAll("#audit tbody tr"));
        Assert.NotNull(searched.QuerySelector("#audit-window"));
        var before = searched.QuerySelector("#audit-older")!.GetAttribute("href")!;
        var found = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/audit" + before));
        Assert.Equal("story:the-old-one", Assert.Single(found.QuerySelectorAll("#audit tbody tr")).Children[3].TextContent);
        // Nothing is older than that.
        Assert.Null(found.QuerySelector("#audit-older"));
    }
}
