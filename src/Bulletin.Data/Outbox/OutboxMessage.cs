namespace Bulletin.Data.Outbox;

/// <summary>
/// A change to what the public sees, written in the same transaction as the change itself. Everything derived
/// from stories (cached pages, feeds, the search index) is brought up to date from these rows, so a crash between
/// the commit and that work only delays it. Rows are read in Id order; each node keeps its own place in the
/// sequence, so several nodes can follow one database.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Kind = "";
    }

    public OutboxMessage(Guid storyId, string kind, DateTimeOffset createdAt)
    {
        StoryId = storyId;
        Kind = kind;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }
    public Guid StoryId { get; private set; }

    /// <summary>What happened: one of <see cref="OutboxKinds"/>.</summary>
    public string Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
