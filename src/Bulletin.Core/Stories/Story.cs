using Bulletin.Core.Workflow;

namespace Bulletin.Core.Stories;

/// <summary>
/// A news story: written once as a broadcast script, published as a web page, feed entry and wire item.
/// Times are kept in UTC; the site shows them in its own zone.
/// </summary>
public sealed class Story
{
    private List<string> _subheadlines = [];
    private List<string> _bylines = [];
    private List<string> _tags = [];
    private List<ScriptSegment> _segments = [];

    private Story()
    {
        // For EF Core.
        Headline = "";
        Slug = "";
    }

    private Story(Guid id, string slug, StoryContent content, Guid? sectionId, string? source, string? externalId, DateTimeOffset now)
    {
        Id = id;
        Slug = slug;
        Headline = "";
        SectionId = sectionId;
        Source = source;
        ExternalId = externalId;
        CreatedAt = now.ToUniversalTime();
        Status = StoryStatus.Draft;
        Apply(content);
        // A story that arrives with its own times was last changed when its source says, not when it arrived.
        UpdatedAt = (content.UpdatedAt ?? content.PublishedAt)?.ToUniversalTime() ?? CreatedAt;
        Version = 1;
    }

    public Guid Id { get; private set; }

    /// <summary>The last part of the story's public path; stays the same when the headline changes.</summary>
    public string Slug { get; private set; }

    public string Headline { get; private set; }
    public IReadOnlyList<string> Subheadlines => _subheadlines;
    public Language Language { get; private set; }
    public Guid? SectionId { get; private set; }
    public IReadOnlyList<string> Bylines => _bylines;
    public IReadOnlyList<string> Tags => _tags;
    public IReadOnlyList<ScriptSegment> Segments => _segments;
    public string? SignOff { get; private set; }
    public Programme? Programme { get; private set; }
    public bool TranscriptDisclaimer { get; private set; }

    public StoryStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Where the story came from when it was imported ("page", a wire's name), with its id there.</summary>
    public string? Source { get; private set; }
    public string? ExternalId { get; private set; }

    /// <summary>Rises by one with every saved change; a save based on an older version is refused.</summary>
    public int Version { get; private set; }

    public bool IsLive => Status == StoryStatus.Published;

    /// <summary>
    /// What the public site shows: the content as it was last published. The fields above are the working
    /// version, which editors change freely; the page changes only when the story is published again.
    /// </summary>
    public StoryContent? Live { get; private set; }

    /// <summary>The public note of the latest correction, shown on the story page.</summary>
    public string? CorrectionNote { get; private set; }

    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>When a scheduled story goes live.</summary>
    public DateTimeOffset? ScheduledAt { get; private set; }

    /// <summary>The member of staff who started the story; null for imported stories.</summary>
    public Guid? CreatedBy { get; private set; }

    /// <summary>True when the working version says something the live page does not yet.</summary>
    public bool HasUnpublishedChanges => Live is not null && !SaysTheSame(Live, Content);

    public static Story Create(Guid id, string slug, StoryContent content, Guid? sectionId, DateTimeOffset now,
        string? source = null, string? externalId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        return new Story(id, slug, content, sectionId, source, externalId, now);
    }

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
        PublishedAt = PublishedAt,
        UpdatedAt = UpdatedAt,
    };

    /// <summary>Replaces what the story says. Returns false, and changes nothing, when the content is the same.</summary>
    public bool Revise(StoryContent content, DateTimeOffset now)
    {
        var before = Content with { UpdatedAt = null, PublishedAt = null };
        var after = content with { UpdatedAt = null, PublishedAt = null };
        var newPublishedAt = content.PublishedAt?.ToUniversalTime() ?? PublishedAt;
        if (before.Equals(after) && newPublishedAt == PublishedAt)
        {
            return false;
        }

        Apply(content);
        UpdatedAt = content.UpdatedAt?.ToUniversalTime() ?? now.ToUniversalTime();
        Version++;
        return true;
    }

    public void MoveToSection(Guid? sectionId)
    {
        if (SectionId == sectionId)
        {
            return;
        }

        SectionId = sectionId;
        Version++;
    }

    /// <summary>
    /// Puts the story, as it stands, on the public site, outside the workflow (imports, the demo newsroom).
    /// A story without a time of its own goes out now.
    /// </summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status == StoryStatus.Killed)
        {
            throw new InvalidOperationException("A killed story cannot be published again.");
        }

        if (Status == StoryStatus.Published && Live is not null && SaysTheSame(Live, Content))
        {
            return;
        }

        Status = StoryStatus.Published;
        PublishedAt ??= now.ToUniversalTime();
        Live = Content with { PublishedAt = PublishedAt, UpdatedAt = UpdatedAt };
        Version++;
    }

    /// <summary>Records who started a story written in the newsroom.</summary>
    public void WrittenBy(Guid staffId) => CreatedBy ??= staffId;

    /// <summary>
    /// Takes a workflow action other than editing, as the workflow table allows it from the story's state.
    /// Roles are the caller's business; the state is the story's.
    /// </summary>
    public void Perform(StoryAction action, DateTimeOffset now, DateTimeOffset? at = null, string? note = null)
    {
        var step = StoryWorkflow.Find(Status, action)
            ?? throw new StoryWorkflowException(StoryWorkflow.WhyNot(Status, action));
        switch (action)
        {
            case StoryAction.Edit:
                throw new ArgumentException("Editing is Revise, not an action.", nameof(action));
            case StoryAction.Schedule:
                ScheduledAt = (at ?? throw new StoryWorkflowException("Scheduling needs a time ('at')."))
                    .ToUniversalTime();
                break;
            case StoryAction.Publish:
                ScheduledAt = null;
                TakeLive(now);
                break;
            case StoryAction.Correct:
                if (string.IsNullOrWhiteSpace(note))
                {
                    throw new StoryWorkflowException("A correction needs a public note saying what was corrected.");
                }

                CorrectionNote = note.Trim();
                CorrectedAt = now.ToUniversalTime();
                TakeLive(now);
                break;
            case StoryAction.Unpublish:
            case StoryAction.Kill:
                ScheduledAt = null;
                break;
        }

        Status = step.To;
        UpdatedAt = now.ToUniversalTime();
        Version++;
    }

    /// <summary>Whether a scheduled story's time has come.</summary>
    public bool IsDue(DateTimeOffset now) => Status == StoryStatus.Scheduled && ScheduledAt <= now;

    /// <summary>A detached copy that reads as the live page: the published content in place of the working one.</summary>
    public Story LiveView()
    {
        if (Live is null)
        {
            return this;
        }

        var copy = (Story)MemberwiseClone();
        copy.Apply(Live);
        copy.UpdatedAt = Live.UpdatedAt ?? UpdatedAt;
        return copy;
    }

    private static bool SaysTheSame(StoryContent a, StoryContent b) =>
        (a with { PublishedAt = null, UpdatedAt = null }).Equals(b with { PublishedAt = null, UpdatedAt = null });

    private void TakeLive(DateTimeOffset now)
    {
        PublishedAt ??= now.ToUniversalTime();
        Live = Content with { PublishedAt = PublishedAt, UpdatedAt = now.ToUniversalTime() };
    }

    private void Apply(StoryContent content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Headline);
        Headline = content.Headline.Trim();
        _subheadlines = [.. content.Subheadlines];
        Language = content.Language;
        _bylines = [.. content.Bylines];
        _tags = [.. content.Tags.Distinct(StringComparer.Ordinal)];
        _segments = [.. content.Segments];
        SignOff = content.SignOff;
        Programme = content.Programme is { IsEmpty: false } programme ? programme : null;
        TranscriptDisclaimer = content.TranscriptDisclaimer;
        if (content.PublishedAt is { } publishedAt)
        {
            PublishedAt = publishedAt.ToUniversalTime();
        }
    }
}
