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

    /// <summary>The live version while it differs from the working one; null when never published or when they agree.</summary>
    private StoryContent? _live;

    /// <summary>
    /// The live version is the working one, times included: the usual case (right after publishing or importing), so
    /// the story's text is kept once. Any change to the working version first copies the live one apart.
    /// </summary>
    private bool _liveIsWorkingVersion;

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
    public Guid? LeadMediaId { get; private set; }

    public StoryStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Where the story came from when it was imported ("page", a wire's name), with its id there.</summary>
    public string? Source { get; private set; }
    public string? ExternalId { get; private set; }

    /// <summary>
    /// The source's own version of the story when last read (a wire's version number, a feed's update time), so a
    /// second delivery of the same version changes nothing and a newer one updates the story.
    /// </summary>
    public string? SourceVersion { get; private set; }

    /// <summary>Rises by one with every saved change; a save based on an older version is refused.</summary>
    public int Version { get; private set; }

    public bool IsLive => Status == StoryStatus.Published;

    /// <summary>
    /// What the public site shows: the content as it was last published. The fields above are the working
    /// version, which editors change freely; the page changes only when the story is published again.
    /// </summary>
    public StoryContent? Live => _liveIsWorkingVersion ? Content : _live;

    /// <summary>The public note of the latest correction, shown on the story page.</summary>
    public string? CorrectionNote { get; private set; }

    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>When a scheduled story goes live.</summary>
    public DateTimeOffset? ScheduledAt { get; private set; }

    /// <summary>The member of staff who started the story; null for imported stories.</summary>
    public Guid? CreatedBy { get; private set; }

    /// <summary>True when the working version says something the live page does not yet.</summary>
    public bool HasUnpublishedChanges => Live is not null && !SaysTheSame(Live, Content);

    /// <summary>Starts a story in the newsroom, as the actor's draft. Its times are the newsroom's, not a source's.</summary>
    public static WorkflowResult<Story> Create(Guid id, string slug, StoryContent content, Guid? sectionId, Actor actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = StoryWorkflow.Table.Check(actor.Roles, null, StoryAction.Create);
        if (!allowed.Succeeded)
        {
            return new(allowed, null);
        }

        var story = new Story(id, slug, content with { PublishedAt = null, UpdatedAt = null }, sectionId, null, null, now)
        {
            CreatedBy = actor.Id,
        };
        return new(WorkflowResult.Done, story);
    }

    /// <summary>
    /// A story from a source (an import, a wire, the demo newsroom), as a draft with the source's own times; the
    /// source and its id make a second import of the same story update this one.
    /// </summary>
    public static WorkflowResult<Story> Import(Guid id, string slug, StoryContent content, Guid? sectionId, string source, string externalId,
        Actor actor, DateTimeOffset now, string? sourceVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = StoryWorkflow.Table.Check(actor.Roles, null, StoryAction.Import);
        return allowed.Succeeded
            ? new(WorkflowResult.Done, new Story(id, slug, content, sectionId, source, externalId, now) { SourceVersion = sourceVersion })
            : new(allowed, null);
    }

    /// <summary>Notes the source's version that the story now carries, after an update read from that source.</summary>
    public void NoteSourceVersion(string? sourceVersion) => SourceVersion = sourceVersion;

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

    /// <summary>
    /// Saves a new working version and section. The story keeps its own first-publication time; a live page changes
    /// only when the story is published again. Unchanged, and nothing saved, when it says the same.
    /// </summary>
    public WorkflowResult Edit(StoryContent content, Guid? sectionId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Move(StoryAction.Edit, actor, now, () =>
        {
            var revised = Revise(content with { PublishedAt = PublishedAt, UpdatedAt = null }, now);
            var moved = MoveToSection(sectionId);
            return revised || moved;
        }, touch: false);
    }

    public WorkflowResult Submit(Actor actor, DateTimeOffset now) => Move(StoryAction.Submit, actor, now);

    public WorkflowResult Approve(Actor actor, DateTimeOffset now) => Move(StoryAction.Approve, actor, now);

    public WorkflowResult Schedule(DateTimeOffset at, Actor actor, DateTimeOffset now) =>
        Move(StoryAction.Schedule, actor, now, () => ScheduledAt = at.ToUniversalTime());

    /// <summary>Puts the working version live; a story without a time of its own goes out now.</summary>
    public WorkflowResult Publish(Actor actor, DateTimeOffset now) => Move(StoryAction.Publish, actor, now, () =>
    {
        ScheduledAt = null;
        TakeLive(now);
    });

    /// <summary>Puts the working version live with a public note saying what was corrected.</summary>
    public WorkflowResult Correct(string? note, Actor actor, DateTimeOffset now)
    {
        var allowed = StoryWorkflow.Table.Check(actor.Roles, Status, StoryAction.Correct);
        if (allowed.Succeeded && string.IsNullOrWhiteSpace(note))
        {
            return WorkflowResult.Invalid(StoryWorkflowText.CorrectionNeedsANote);
        }

        return Move(StoryAction.Correct, actor, now, () =>
        {
            CorrectionNote = note!.Trim();
            CorrectedAt = now.ToUniversalTime();
            TakeLive(now);
        });
    }

    public WorkflowResult Unpublish(Actor actor, DateTimeOffset now) => Move(StoryAction.Unpublish, actor, now, () => ScheduledAt = null);

    public WorkflowResult Kill(Actor actor, DateTimeOffset now) => Move(StoryAction.Kill, actor, now, () => ScheduledAt = null);

    /// <summary>
    /// Applies a source's new version of the story, and its section when it names one. A live story's page follows
    /// at once: the source has already published the change. Unchanged when the source says the same as before.
    /// </summary>
    public WorkflowResult Import(StoryContent content, Guid? sectionId, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Move(StoryAction.Import, actor, now, () =>
        {
            var revised = Revise(content, now);
            var moved = sectionId is not null && MoveToSection(sectionId);
            if (revised && IsLive)
            {
                _live = Content with { PublishedAt = PublishedAt, UpdatedAt = UpdatedAt };
            }

            return revised || moved;
        }, touch: false);
    }

    /// <summary>Puts an imported story live as it stands, keeping the source's times; now when it gives none.</summary>
    public WorkflowResult ImportLive(Actor actor, DateTimeOffset now) => Move(StoryAction.ImportLive, actor, now, () =>
    {
        ScheduledAt = null;
        PublishedAt ??= now.ToUniversalTime();
        _live = Content with { PublishedAt = PublishedAt, UpdatedAt = UpdatedAt };
    }, touch: false);

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

    /// <summary>
    /// The one way the story's state changes: the table must allow the action to the actor from the current state;
    /// then the change is applied, the state becomes the row's, and the version rises by one.
    /// </summary>
    /// <param name="change">Applies the action; returns false when it changed nothing (then nothing moves).</param>
    /// <param name="touch">Whether the story counts as updated now (imports keep their source's time).</param>
    private WorkflowResult Move(StoryAction action, Actor actor, DateTimeOffset now, Func<bool> change, bool touch = true)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = StoryWorkflow.Table.Check(actor.Roles, Status, action);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var step = StoryWorkflow.Table.Find(Status, action)!;
        KeepLiveApart();
        if (!change() && step.To == Status)
        {
            KeepLiveOnce();
            return WorkflowResult.Unchanged;
        }

        Status = step.To;
        if (touch)
        {
            UpdatedAt = now.ToUniversalTime();
        }

        Version++;
        KeepLiveOnce();
        return WorkflowResult.Done;
    }

    /// <summary>Before the working version changes: the live one, if it is the working one, becomes a copy of its own.</summary>
    private void KeepLiveApart()
    {
        if (_liveIsWorkingVersion)
        {
            _live = Content;
            _liveIsWorkingVersion = false;
        }
    }

    /// <summary>After a change: a live version that says exactly what the working one says is not kept twice.</summary>
    private void KeepLiveOnce()
    {
        if (_live is not null && _live.Equals(Content))
        {
            _live = null;
            _liveIsWorkingVersion = true;
        }
    }

    private WorkflowResult Move(StoryAction action, Actor actor, DateTimeOffset now, Action? change = null, bool touch = true) =>
        Move(action, actor, now, () =>
        {
            change?.Invoke();
            return true;
        }, touch);

    /// <summary>Replaces what the story says; false, changing nothing, when the content is the same.</summary>
    private bool Revise(StoryContent content, DateTimeOffset now)
    {
        var before = Content with { UpdatedAt = null, PublishedAt = null };
        var after = StoryText.Normalise(content) with { UpdatedAt = null, PublishedAt = null };
        var newPublishedAt = content.PublishedAt?.ToUniversalTime() ?? PublishedAt;
        if (before.Equals(after) && newPublishedAt == PublishedAt)
        {
            return false;
        }

        Apply(content);
        UpdatedAt = content.UpdatedAt?.ToUniversalTime() ?? now.ToUniversalTime();
        return true;
    }

    private bool MoveToSection(Guid? sectionId)
    {
        if (SectionId == sectionId)
        {
            return false;
        }

        SectionId = sectionId;
        return true;
    }

    private static bool SaysTheSame(StoryContent a, StoryContent b) =>
        (a with { PublishedAt = null, UpdatedAt = null }).Equals(b with { PublishedAt = null, UpdatedAt = null });

    private void TakeLive(DateTimeOffset now)
    {
        PublishedAt ??= now.ToUniversalTime();
        _live = Content with { PublishedAt = PublishedAt, UpdatedAt = now.ToUniversalTime() };
    }

    private void Apply(StoryContent content)
    {
        content = StoryText.Normalise(content);
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
        LeadMediaId = content.LeadMediaId;
        if (content.PublishedAt is { } publishedAt)
        {
            PublishedAt = publishedAt.ToUniversalTime();
        }
    }
}
