using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Outbox;

/// <summary>How a node follows the outbox, and how old rows leave it. Every query here reads an index.</summary>
public static class OutboxQueries
{
    /// <summary>
    /// The next rows after <paramref name="position"/>, in id order. Ids are in commit order on both providers (see
    /// <see cref="OutboxOrdering"/>), so a follower that moves its position to the last row it read misses none.
    /// </summary>
    public static IQueryable<OutboxMessage> After(this IQueryable<OutboxMessage> outbox, long position, int take) =>
        outbox.AsNoTracking().Where(m => m.Id > position).OrderBy(m => m.Id).Take(take);

    /// <summary>The newest row's id (0 for an empty outbox): where a node that has just rebuilt follows on from.</summary>
    public static async Task<long> NewestIdAsync(this IQueryable<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        await outbox.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;

    /// <summary>
    /// Whether a node that has handled every row up to <paramref name="position"/> can follow on from the rows that are
    /// left. It cannot when rows after its position may have been deleted by <see cref="DeleteOlderThanAsync"/> (the
    /// oldest row left is more than one past its position; a rolled-back id makes the same gap, and costs only a
    /// rebuild that was not needed), nor when its position is past the newest row (a database restored from an older
    /// backup). Retention always keeps the newest row, so only a new outbox is empty.
    /// </summary>
    public static async Task<bool> CanFollowOnAsync(this IQueryable<OutboxMessage> outbox, long position, CancellationToken cancellationToken)
    {
        var oldest = await outbox.MinAsync(m => (long?)m.Id, cancellationToken);
        if (oldest is null)
        {
            return position == 0;
        }

        return oldest <= position + 1 && position <= await outbox.NewestIdAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> of the oldest rows written before <paramref name="cutoff"/>, never the
    /// newest row (so the outbox keeps the place it has reached). Returns how many went; call again while it returns
    /// a full batch. Each call is one short statement over the CreatedAt index.
    /// </summary>
    public static async Task<int> DeleteOlderThanAsync(this BulletinDbContext db, DateTimeOffset cutoff, int batchSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.Outbox.NewestIdAsync(cancellationToken);
        var cutoffUtc = cutoff.ToUniversalTime();
        var ids = await db.Outbox.AsNoTracking()
            .Where(m => m.CreatedAt < cutoffUtc && m.Id < newest)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        return await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
