namespace Bulletin.Core.Stories;

/// <summary>
/// One saved state of a story: the whole content as it was after a save or an action, who made it and when.
/// Kept for ever, so any two can be compared and any one restored.
/// </summary>
public sealed class StoryRevision
{
    private StoryRevision()
    {
        Action = "";
        AuthorName = "";
        Content = null!;
    }

    public StoryRevision(Guid id, Story story, string action, Guid? authorId, string authorName, DateTimeOffset at)
    {
        Id = id;
        StoryId = story.Id;
        Version = story.Version;
        Status = story.Status;
        Action = action;
        AuthorId = authorId;
        AuthorName = authorName;
        At = at.ToUniversalTime();
        Content = story.Content;
    }

    public Guid Id { get; private set; }
    public Guid StoryId { get; private set; }

    /// <summary>The story's version once this revision was saved.</summary>
    public int Version { get; private set; }

    public StoryStatus Status { get; private set; }

    /// <summary>"edit", "create", "restore", or the workflow action taken ("publish", "correct"...).</summary>
    public string Action { get; private set; }

    public Guid? AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public StoryContent Content { get; private set; }
}
