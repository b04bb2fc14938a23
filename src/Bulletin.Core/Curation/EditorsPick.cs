namespace Bulletin.Core.Curation;

/// <summary>A story an editor put on the picks list of its edition, in order, until an optional expiry.</summary>
public sealed class EditorsPick
{
    private EditorsPick()
    {
    }

    public EditorsPick(Guid id, Guid storyId, int position, DateTimeOffset? expiresAt)
    {
        Id = id;
        StoryId = storyId;
        Position = position;
        ExpiresAt = expiresAt?.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid StoryId { get; private set; }
    public int Position { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsCurrent(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
