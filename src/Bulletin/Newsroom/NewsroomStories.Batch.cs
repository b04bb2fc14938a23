using Bulletin.Data.Outbox;

namespace Bulletin.Newsroom;

/// <summary>
/// Many story changes made elsewhere (an import, later a wire) recorded the way one save in the newsroom is: a
/// revision, an audit row and an outbox row each, all in one transaction, so the history, the audit log and every
/// node's search index see an imported story exactly as they see a typed one.
/// </summary>
public sealed partial class NewsroomStories
{
    /// <summary>
    /// Records <paramref name="changes"/>, already applied to tracked stories, and saves them with the stories as one
    /// transaction. A story changed by someone else since it was read fails the whole batch
    /// (<see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>): nothing of it is stored.
    /// </summary>
    public async Task CommitBatchAsync(IReadOnlyList<BatchedStoryChange> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var change in changes)
        {
            Record(change.Story, change.What, change.Actor, now, change.Detail);
            db.Outbox.Add(new OutboxMessage(change.Story.Id, change.OutboxKind, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        // As for one save: a batch applied by this process (a wire in the server) is on this node's pages before it returns.
        outbox.Committed([.. changes.Select(c => (c.Story.Id, c.OutboxKind))]);
    }
}
