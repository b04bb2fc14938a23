using Bulletin.Data;
using Bulletin.Data.Wires;
using Bulletin.Testing;
using Bulletin.Wires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests.Wires;

/// <summary>The Incoming queue holds a month of wires, not every wire since the first day.</summary>
public sealed class IncomingRetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ItemsOlderThanKeepDays_AreRemovedInBatches_AndNewerOnesStay(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Wires:KeepDays=30"]);
        var now = TimeProvider.System.GetUtcNow();
        // More old items than one batch takes, so the pass has to come back for the rest.
        var old = Enumerable.Range(0, IncomingRetention.BatchSize * 2 + 500).Select(i => Item($"old-{i}", now.AddDays(-31).AddMinutes(-i)));
        var recent = Enumerable.Range(0, 20).Select(i => Item($"new-{i}", now.AddDays(-29).AddMinutes(i)));
        await using (var db = database.NewContext())
        {
            db.Incoming.AddRange([.. old, .. recent]);
            await db.SaveChangesAsync(cancel);
        }

        var retention = server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IncomingRetention>().Single();
        Assert.Equal(IncomingRetention.BatchSize * 2 + 500, await retention.RunOnceAsync(cancel));

        await using (var db = database.NewContext())
        {
            var left = await db.Incoming.Select(i => i.Identity).OrderBy(i => i).ToListAsync(cancel);
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"new-{i}").Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
        }

        // Nothing more is past its time.
        Assert.Equal(0, await retention.RunOnceAsync(cancel));
    }

    private static IncomingItem Item(string identity, DateTimeOffset receivedAt) =>
        new(Guid.CreateVersion7(receivedAt), "agency", identity, "1", "ninjs", receivedAt, "test", $"Headline {identity}", "{}", killed: false);
}
