using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Tests;

public sealed class OutboxTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// The first transaction draws its outbox id first and commits last; a follower reads in between, as a node's
    /// does every few hundred milliseconds. Left to the sequence, the second commit's larger id is read first, the
    /// follower moves past it, and the first change is never seen: its story stays stale in that node's search and
    /// page cache. With ids in commit order the follower sees both.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoCommits_OutOfIdOrder_TheFollowerMissesNeither(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var follower = new Follower();
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        Task secondCommit = Task.CompletedTask;

        await using var early = database.NewContext();
        await early.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await early.Database.BeginTransactionAsync(Cancel);
            early.Outbox.Add(new OutboxMessage(first, OutboxKinds.StoryPublished, Now));
            await early.SaveChangesAsync(Cancel);

            // Another request commits its own change while the first is still open.
            secondCommit = Task.Run(async () =>
            {
                await using var late = database.NewContext();
                late.Outbox.Add(new OutboxMessage(second, OutboxKinds.StoryPublished, Now));
                await late.SaveChangesAsync(Cancel);
            }, Cancel);
            await Task.WhenAny(secondCommit, Task.Delay(TimeSpan.FromSeconds(1), Cancel));
            await using (var reader = database.NewContext())
            {
                await follower.ReadAsync(reader);
            }

            await transaction.CommitAsync(Cancel);
        });
        await secondCommit;

        await using (var reader = database.NewContext())
        {
            await follower.ReadAsync(reader);
        }

        Assert.Contains(first, follower.Seen);
        Assert.Contains(second, follower.Seen);
        Assert.Equal(2, follower.Seen.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retention_DeletesOldRowsInBatches_KeepsTheNewest_AndALaggingNodeMustRebuild(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var retention = TimeSpan.FromDays(7);
        await using (var db = database.NewContext())
        {
            // Five rows from ten days ago, the newest of them too (nothing has changed since).
            for (var i = 0; i < 5; i++)
            {
                db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), OutboxKinds.StoryEdited, Now.AddDays(-10)));
            }

            await db.SaveChangesAsync(Cancel);
        }

        long lagging;
        await using (var db = database.NewContext())
        {
            lagging = await db.Outbox.MinAsync(m => m.Id, Cancel);
            var deleted = new List<int>();
            int batch;
            do
            {
                batch = await db.DeleteOlderThanAsync(Now - retention, 2, Cancel);
                deleted.Add(batch);
            }
            while (batch == 2);

            // Four old rows go, two at a time; the newest stays though it is old, so the outbox keeps its place.
            Assert.Equal([2, 2, 0], deleted);
            Assert.Equal(1, await db.Outbox.CountAsync(Cancel));
            var newest = await db.Outbox.NewestIdAsync(Cancel);
            Assert.Equal(lagging + 4, newest);

            // A node that had read only the first row lost the rows after it: it rebuilds. A node up to date follows on.
            Assert.False(await db.Outbox.CanFollowOnAsync(lagging, Cancel));
            Assert.True(await db.Outbox.CanFollowOnAsync(newest - 1, Cancel));
            Assert.True(await db.Outbox.CanFollowOnAsync(newest, Cancel));
            // One ahead of the database (restored from an older backup) cannot follow on either.
            Assert.False(await db.Outbox.CanFollowOnAsync(newest + 5, Cancel));

            db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), OutboxKinds.StoryEdited, Now));
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(1, await db.DeleteOlderThanAsync(Now - retention, 100, Cancel));
            Assert.Equal([newest + 1], await db.Outbox.Select(m => m.Id).ToListAsync(Cancel));
        }
    }

    /// <summary>Follows the outbox as a node does: reads after its position, moves to the last row read.</summary>
    private sealed class Follower
    {
        private long _position;

        public List<Guid> Seen { get; } = [];

        public async Task ReadAsync(BulletinDbContext db)
        {
            var rows = await db.Outbox.After(_position, 500).ToListAsync(Cancel);
            Seen.AddRange(rows.Select(r => r.StoryId));
            if (rows.Count > 0)
            {
                _position = rows[^1].Id;
            }
        }
    }
}
