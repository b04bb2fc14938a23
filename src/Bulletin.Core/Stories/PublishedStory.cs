namespace Bulletin.Core.Stories;

/// <summary>
/// A story as readers see it: the content it was last published with, where and when, and its correction note.
/// One exists for each live story and for no other; it changes only when the story is published, corrected,
/// unpublished or killed, never when its working version is saved. Every public surface reads this, so an
/// unpublished edit cannot reach one of them by mistake.
/// </summary>
public sealed class PublishedStory
{
    private List<string> _subheadlines = [];
    private List<string> _bylines = [];
    private List<string> _tags = [];
    private List<ScriptSegment> _segments = [];

    private PublishedStory()
    {
        // For EF Core.
        Slug = "";
        Headline = "";
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; }
    public Language Language { get; private set; }

    /// <summary>The section the story was in when it was last published: moving it is an unpublished edit too.</summary>
    public Guid? SectionId { get; private set; }

    public string Headline { get; private set; }
    public IReadOnlyList<string> Subheadlines => _subheadlines;
    public IReadOnlyList<string> Bylines => _bylines;
    public IReadOnlyList<string> Tags => _tags;
    public IReadOnlyList<ScriptSegment> Segments => _segments;
    public string? SignOff { get; private set; }
    public Programme? Programme { get; private set; }
    public bool TranscriptDisclaimer { get; private set; }
    public Guid? LeadMediaId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>When what readers see last changed: a publish or a correction, not a save.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public string? CorrectionNote { get; private set; }
    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>The story's version when it was last published, for wire subscribers.</summary>
    public int Version { get; private set; }

    public StoryContent Content => new()
    {
        Headline = Headline,
        Subheadlines = Subheadlines,
        Language = Language,
        Bylines = Bylines,
        Tags = Tags,
        Segments = Segments,
        SignOff = SignOff,
        Programme = Programme,
        TranscriptDisclaimer = TranscriptDisclaimer,
        LeadMediaId = LeadMediaId,
        PublishedAt = PublishedAt,
        UpdatedAt = UpdatedAt,
    };

    /// <summary>The story as it went live. The story must have been published (it has a live version).</summary>
    public static PublishedStory Of(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var published = new PublishedStory { Id = story.Id };
        published.Follow(story);
        return published;
    }

    /// <summary>Takes the story's live version, section and correction as they are now.</summary>
    public void Follow(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Id != Id)
        {
            throw new ArgumentException("A published story follows only its own story.", nameof(story));
        }

        var live = story.Live ?? throw new InvalidOperationException("The story has never been published.");
        Slug = story.Slug;
        Language = live.Language;
        SectionId = story.SectionId;
        Headline = live.Headline;
        _subheadlines = [.. live.Subheadlines];
        _bylines = [.. live.Bylines];
        _tags = [.. live.Tags];
        _segments = [.. live.Segments];
        SignOff = live.SignOff;
        Programme = live.Programme;
        TranscriptDisclaimer = live.TranscriptDisclaimer;
        LeadMediaId = live.LeadMediaId;
        CreatedAt = story.CreatedAt.ToUniversalTime();
        PublishedAt = (live.PublishedAt ?? story.PublishedAt ?? story.UpdatedAt).ToUniversalTime();
        UpdatedAt = (live.UpdatedAt ?? story.UpdatedAt).ToUniversalTime();
        CorrectionNote = story.CorrectionNote;
        CorrectedAt = story.CorrectedAt?.ToUniversalTime();
        Version = story.Version;
    }

    /// <summary>The first paragraph of the script, which the home page shows under the top story.</summary>
    public string? Lead => _segments.Count > 0 ? _segments[0].Paragraphs.FirstOrDefault() : null;
}
