using System.Text.Json;
using Bulletin.Core.Media;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Outbox;
using Bulletin.Data.Publication;
using Bulletin.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Newsroom;

/// <summary>
/// Every change staff make to stories, for the newsroom pages and the staff API alike. Each change is one
/// transaction: the story, a revision with the whole content, an audit row and, when the public site is touched,
/// an outbox row. A change based on an older version is refused, never merged silently.
/// </summary>
public sealed partial class NewsroomStories(BulletinDbContext db, TimeProvider time, OutboxSignal outbox, Site.SiteClock clock)
{
    /// <summary>Starts a story as the actor's draft; refused (403) for roles the table does not let start one.</summary>
    public async Task<StoryChange> CreateAsync(StoryContent content, Guid? sectionId, StaffActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var slug = await UniqueSlugAsync(content, now, cancellationToken);
        var created = Story.Create(Guid.CreateVersion7(now), slug, content, sectionId, actor, now);
        if (created.Value is not { } story)
        {
            return StoryChange.From(created.Result, null);
        }

        db.Stories.Add(story);
        Record(story, StoryAction.Create.ToCode(), actor, now);
        db.Outbox.Add(new OutboxMessage(story.Id, OutboxKinds.StoryEdited, now));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        return new StoryChange(WorkflowOutcome.Done, story);
    }

    public Task<Story?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Stories.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>Saves a new working version. <paramref name="basedOn"/> is the version the author started from.</summary>
    public async Task<StoryChange> SaveAsync(Guid id, int basedOn, StoryContent content, Guid? sectionId, StaffActor actor,
        CancellationToken cancellationToken, string what = "edit")
    {
        var story = await FindAsync(id, cancellationToken);
        if (story is null)
        {
            return new StoryChange(WorkflowOutcome.NotFound, null);
        }

        if (StoryWorkflow.Table.Check(actor.Roles, story.Status, StoryAction.Edit) is { Succeeded: false } refused)
        {
            return StoryChange.From(refused, story);
        }

        if (story.Version != basedOn)
        {
            return Stale(story, basedOn);
        }

        var now = time.GetUtcNow();
        var edited = story.Edit(content, sectionId, actor, now);
        if (edited.Outcome != WorkflowOutcome.Done)
        {
            return StoryChange.From(edited, story);
        }

        Record(story, what, actor, now);
        return await CommitAsync(story, basedOn, OutboxKinds.StoryEdited, cancellationToken);
    }

    /// <summary>
    /// A workflow action. <paramref name="basedOn"/>, when given, must match the saved version (an editor
    /// approving what they read, not what someone saved a second later).
    /// </summary>
    public async Task<StoryChange> PerformAsync(Guid id, StoryAction action, StaffActor actor, CancellationToken cancellationToken,
        int? basedOn = null, DateTimeOffset? at = null, string? note = null)
    {
        var story = await FindAsync(id, cancellationToken);
        if (story is null)
        {
            return new StoryChange(WorkflowOutcome.NotFound, null);
        }

        // Roles and state first, so a caller who may never do this hears so before hearing that they are stale.
        if (StoryWorkflow.Table.Check(actor.Roles, story.Status, action) is { Succeeded: false } refused)
        {
            return StoryChange.From(refused, story);
        }

        if (basedOn is { } expected && story.Version != expected)
        {
            return Stale(story, expected);
        }

        // What goes out must be readable by everyone: a photo without alt text holds the story back, saying which.
        if (action is StoryAction.Publish or StoryAction.Schedule or StoryAction.Correct
            && await MediaRefusalAsync(story.Content, cancellationToken) is { } media)
        {
            return StoryChange.From(new WorkflowResult(WorkflowOutcome.NotAllowedNow, media), story);
        }

        var now = time.GetUtcNow();
        var version = story.Version;
        var result = action switch
        {
            StoryAction.Submit => story.Submit(actor, now),
            StoryAction.Approve => story.Approve(actor, now),
            StoryAction.Schedule => at is { } when ? story.Schedule(when, actor, now) : WorkflowResult.Invalid(StoryWorkflowText.SchedulingNeedsATime),
            StoryAction.Publish => story.Publish(actor, now),
            StoryAction.Correct => story.Correct(note, actor, now),
            StoryAction.Unpublish => story.Unpublish(actor, now),
            StoryAction.Kill => story.Kill(actor, now),
            _ => WorkflowResult.Invalid(StoryWorkflowText.NotAnActionRoute.With(StoryWorkflowText.Action(action))),
        };
        if (result.Outcome != WorkflowOutcome.Done)
        {
            return StoryChange.From(result, story);
        }

        Record(story, action.ToCode(), actor, now, action == StoryAction.Correct ? note : at?.ToString("O"));
        var kind = action switch
        {
            StoryAction.Publish => OutboxKinds.StoryPublished,
            StoryAction.Correct => OutboxKinds.StoryChanged,
            StoryAction.Unpublish or StoryAction.Kill => OutboxKinds.StoryRemoved,
            _ => OutboxKinds.StoryEdited,
        };
        await db.FollowAsync(story, cancellationToken);
        return await CommitAsync(story, version, kind, cancellationToken);
    }

    /// <summary>Why the story's media keep it from going out (an item missing, or without alt text), or null.</summary>
    public async Task<Core.Text.Phrase?> MediaRefusalAsync(StoryContent content, CancellationToken cancellationToken)
    {
        var ids = content.MediaIds;
        if (ids.Count == 0)
        {
            return null;
        }

        var found = await db.MediaItems.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.AltText, m.Caption }).ToListAsync(cancellationToken);
        if (ids.Except(found.Select(f => f.Id)).ToList() is [_, ..] missing)
        {
            return MediaText.MissingItem.With(string.Join(", ", missing));
        }

        return found.Where(f => f.AltText.Length == 0).ToList() is [_, ..] bare
            ? MediaText.NeedsAltText.With(string.Join(", ", bare.Select(f => f.Caption.Length > 0 ? $"\"{Shorten(f.Caption)}\" ({f.Id})" : f.Id.ToString())))
            : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    public async Task<List<StoryRevision>> RevisionsAsync(Guid id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return [];
        }

        var revisions = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id)
            .OrderByDescending(r => r.Version).ThenByDescending(r => r.At).ToListAsync(cancellationToken);
        return [.. revisions.Select(r => r.ReadWith(story))];
    }

    /// <summary>Makes an earlier revision's content the working version again, as a new revision.</summary>
    public async Task<StoryChange> RestoreAsync(Guid id, Guid revisionId, int basedOn, StaffActor actor, CancellationToken cancellationToken)
    {
        var revision = await db.StoryRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.StoryId == id, cancellationToken);
        if (revision is null)
        {
            return new StoryChange(WorkflowOutcome.NotFound, null);
        }

        var story = await FindAsync(id, cancellationToken);
        if (story is null)
        {
            return new StoryChange(WorkflowOutcome.NotFound, null);
        }

        return await SaveAsync(id, basedOn, revision.ReadWith(story).Content, story.SectionId, actor, cancellationToken,
            what: $"restore v{revision.Version}");
    }

    private static StoryChange Stale(Story current, int basedOn) =>
        new(WorkflowOutcome.Stale, current, StoryWorkflowText.SavedWhileYouWorked.With(basedOn, current.Version));

    private void Record(Story story, string what, StaffActor actor, DateTimeOffset now, string? detail = null)
    {
        db.StoryRevisions.Add(new StoryRevision(Guid.CreateVersion7(now), story, what, actor.Id, actor.Name, now));
        db.AuditLog.Add(new AuditEntry(actor.Id, actor.Name, "story." + what.Split(' ')[0], $"story:{story.Id}",
            detail ?? $"v{story.Version} {story.Headline}", now));
    }

    /// <param name="change">The outbox kind: every change is announced, so each node's search index follows drafts too.</param>
    private async Task<StoryChange> CommitAsync(Story story, int expectedVersion, string change, CancellationToken cancellationToken)
    {
        // The version the change was based on goes into the UPDATE's WHERE: a save that raced another fails here.
        db.Entry(story).Property(s => s.Version).OriginalValue = expectedVersion;
        db.Outbox.Add(new OutboxMessage(story.Id, change, time.GetUtcNow()));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Stories.AsNoTracking().FirstAsync(s => s.Id == story.Id, cancellationToken);
            return Stale(current, expectedVersion);
        }

        outbox.Committed(story.Id, change);
        return new StoryChange(WorkflowOutcome.Done, story);
    }

    private async Task<string> UniqueSlugAsync(StoryContent content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The date in the slug is the newsroom's date, not UTC's.
        var slug = Slugs.ForStory(content.Headline, clock.Local(now));
        var taken = await db.Stories.Where(s => s.Language == content.Language && (s.Slug == slug || s.Slug.StartsWith(slug + "-")))
            .Select(s => s.Slug).ToListAsync(cancellationToken);
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    /// <summary>Content as plain text, one field per line, for diffs and conflict views.</summary>
    public static string AsText(StoryContent content)
    {
        var lines = new List<string> { "# " + content.Headline };
        lines.AddRange(content.Subheadlines.Select(s => "## " + s));
        lines.Add($"language: {content.Language.ToCode()}");
        lines.Add("bylines: " + string.Join(", ", content.Bylines));
        lines.Add("tags: " + string.Join(", ", content.Tags));
        foreach (var segment in content.Segments)
        {
            var who = string.Join(" / ", new[] { segment.Speaker, segment.Title, segment.When }.Where(x => !string.IsNullOrWhiteSpace(x)));
            lines.Add("");
            lines.Add($"[{segment.Kind.ToCode()}]" + (who.Length > 0 ? " " + who : ""));
            lines.AddRange(segment.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        }

        if (!string.IsNullOrWhiteSpace(content.SignOff))
        {
            lines.Add("");
            lines.Add("sign-off: " + content.SignOff);
        }

        return string.Join('\n', lines);
    }

    public static string AsJson(StoryContent content) => JsonSerializer.Serialize(content);
}
