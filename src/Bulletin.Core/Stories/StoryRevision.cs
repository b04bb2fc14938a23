namespace Bulletin.Core.Stories;

/// <summary>
/// One saved state of a story: the whole content as it was after a save or an action, who made it and when.
/// Kept for ever, so any two can be compared and any one restored. While a revision's content is still the story's
/// working content it is not kept a second time here: it is kept the moment the story changes (<see cref="Supersede"/>).
/// </summary>
public sealed class StoryRevision
{
    /// <summary>The content once the story has moved on from it; null while it is the story's working content.</summary>
    private StoryContent? _kept;

    /// <summary>The story's working content, when this revision is read with its story or has just been made.</summary>
    private StoryContent? _working;

    private StoryRevision()
    {
        Action = "";
        AuthorName = "";
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
        _working = story.Content;
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

    /// <summary>What the story said once this revision was saved.</summary>
    public StoryContent Content => _kept ?? _working ?? throw new InvalidOperationException(
        "This revision's content is its story's working content: read the revision with its story (ReadWith).");

    /// <summary>Whether the story has changed since: the content is then kept with the revision itself.</summary>
    public bool IsSuperseded => _kept is not null;

    /// <summary>The story is changing from <paramref name="before"/>, this revision's content: it is kept here from now on.</summary>
    public void Supersede(StoryContent before)
    {
        ArgumentNullException.ThrowIfNull(before);
        _kept ??= before;
    }

    /// <summary>Completes a revision read from storage with its story, whose working content it may still be.</summary>
    public StoryRevision ReadWith(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Id != StoryId)
        {
            throw new ArgumentException("A revision is read with its own story.", nameof(story));
        }

        _working = story.Content;
        return this;
    }
}
