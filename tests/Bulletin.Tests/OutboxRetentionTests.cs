using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>
/// A node stopped for longer than the outbox keeps its rows has missed changes it can no longer read: it rebuilds
/// its search index at start, as a node without an index does, instead of following on from what is left.
/// </summary>
public sealed class OutboxRetentionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ANodeWhosePositionWasDeleted_RebuildsItsSearchIndex_AndFindsWhatItMissed(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using (var first = await BulletinServer.StartAsync(database))
        {
            await first.WaitForSearchAsync();
        }

        // While the node is stopped, two stories are published, and the rows that told of them are deleted as old
        // (retention keeps only the newest row).
        var at = new DateTimeOffset(2024, 10, 16, 9, 0, 0, TestStories.SiteOffset);
        await TestStories.ImportAsync(database, [TestStories.English("Harbour cranes stand idle", at), TestStories.English("Storm shuts mountain passes", at.AddHours(1))]);
        await using (var db = database.NewContext())
        {
            Assert.True(await db.DeleteOlderThanAsync(DateTimeOffset.MaxValue.AddYears(-1), 1000, Cancel) > 0);
        }

        await using var again = await BulletinServer.StartAsync(database, settings: ["--Logging:LogLevel:Default=Warning"]);
        await again.WaitForSearchAsync();
        foreach (var (query, headline) in new[] { ("cranes", "Harbour cranes stand idle"), ("mountain", "Storm shuts mountain passes") })
        {
            await Eventually.UntilAsync($"search to find '{headline}'", async () =>
                (await again.GetPageAsync("/en/search?q=" + query)).Document.QuerySelectorAll("a").Any(a => a.TextContent.Contains(headline, StringComparison.Ordinal)));
        }

        Assert.Contains(again.Logs.Lines, l => l.Contains("no longer kept", StringComparison.Ordinal));
    }
}
