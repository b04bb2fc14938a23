using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Outbox;
using Bulletin.Data.Publication;
using Bulletin.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// Applies imported stories to the database, idempotently: a story already imported from the same source and
/// external id is updated in place, never duplicated; the same version of it again, or an older one, changes nothing. A batch is one transaction, recorded through the newsroom's
/// change path (a revision, an audit row and an outbox row per changed story), so imported drafts reach staff search
/// and the history like typed ones, and the read model of what is published follows in the same transaction. Each
/// batch costs a fixed number of indexed lookups, whatever the archive's size.
/// </summary>
public sealed class StoryImporter(BulletinDbContext db, NewsroomStories newsroom, TimeProvider time)
{
    /// <summary>What the history and the audit log call an import: no person, the source it came from.</summary>
    public const string HistoryAction = "import";

    /// <summary>An import acts with the importer's role, which the story table gives the import rows, named for its source.</summary>
    public static StaffActor ActorFor(string source) => new(null, $"import:{source}", [StaffRoles.Importer]);

    public async Task<IReadOnlyList<ImportedStory>> SaveAsync(
        IReadOnlyList<StoryToImport> batch, Guid? sectionId, bool publish, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await FindExistingAsync(batch, cancellationToken);
        var slugs = await NewSlugsAsync(batch, existing, cancellationToken);
        var sections = sectionId is null ? await SectionsAsync(batch, now, cancellationToken) : [];
        var results = new List<ImportedStory>(batch.Count);
        var changes = new Dictionary<Story, BatchedStoryChange>(ReferenceEqualityComparer.Instance);
        var killed = new List<Story>();

        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            var key = (item.Source, item.ExternalId);
            var actor = ActorFor(item.Source);
            var itemSection = sectionId ?? (item.SectionName is { } name ? sections.GetValueOrDefault(SectionSlug(name)) : null);
            bool created;
            bool changed;
            string? kind = null;
            var what = HistoryAction;
            if (existing.TryGetValue(key, out var story))
            {
                created = false;
                if (SourceVersions.Compare(item.Version, story.SourceVersion) is <= 0 and var order && !(item.Killed && story.Status != StoryStatus.Killed))
                {
                    // The version stored already, or an older one delivered late: the source has said nothing new.
                    results.Add(new ImportedStory(story, false, false)
                    {
                        Note = order < 0 ? $"The source's version {item.Version} is older than the one stored ({story.SourceVersion}): nothing changed." : null,
                    });
                    continue;
                }

                changed = story.Import(item.Content, itemSection, actor, now).Outcome == WorkflowOutcome.Done;
                story.NoteSourceVersion(item.Version ?? story.SourceVersion);
                if (changed)
                {
                    // An import speaks for the source, which already published the change: a live page followed it.
                    kind = story.IsLive ? OutboxKinds.StoryChanged : OutboxKinds.StoryEdited;
                }
            }
            else if (item.Killed)
            {
                // A withdrawal of a story never received: nothing to kill, and nothing worth storing.
                results.Add(new ImportedStory(null, false, false));
                continue;
            }
            else
            {
                story = Story.Import(Guid.CreateVersion7(now), slugs[i]!, item.Content, itemSection, item.Source, item.ExternalId, actor, now,
                    item.Version).Value!;
                db.Stories.Add(story);
                existing[key] = story;
                created = changed = true;
                kind = OutboxKinds.StoryEdited;
            }

            if (item.Killed)
            {
                if (story.Kill(actor, now).Outcome == WorkflowOutcome.Done)
                {
                    kind = OutboxKinds.StoryRemoved;
                    what = StoryAction.Kill.ToCode();
                    changed = true;
                    killed.Add(story);
                }
            }
            else if (publish && !item.Draft && item.Content.PublishedAt is not null && !story.IsLive
                && story.ImportLive(actor, now).Outcome == WorkflowOutcome.Done)
            {
                kind = OutboxKinds.StoryPublished;
                changed = true;
            }

            if (kind is not null)
            {
                // A page listed twice in one batch is one change of its story, announced as the most public of the two.
                var more = changes.TryGetValue(story, out var earlier) && earlier.OutboxKind != OutboxKinds.StoryEdited && kind != OutboxKinds.StoryRemoved
                    ? earlier.OutboxKind
                    : kind;
                changes[story] = new BatchedStoryChange(story, what, actor, more);
            }

            results.Add(new ImportedStory(story, created, changed) { Killed = item.Killed && story.Status == StoryStatus.Killed });
        }

        await db.FollowAsync([.. results.Where(r => r.Changed && (r.Story!.IsLive || r.Killed)).Select(r => r.Story!).Distinct()], cancellationToken);
        await newsroom.CommitBatchAsync([.. changes.Values], cancellationToken);
        return results;
    }

    /// <summary>
    /// The sections the batch's items name (a WordPress category), by slug; those the site has not are made, at the
    /// end of the list, so that an archive keeps its sections. Names are matched by slug, so "World News" finds world-news.
    /// </summary>
    private async Task<Dictionary<string, Guid?>> SectionsAsync(IReadOnlyList<StoryToImport> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var named = batch.Where(i => !string.IsNullOrWhiteSpace(i.SectionName))
            .GroupBy(i => SectionSlug(i.SectionName!), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => g.First().SectionName!.Trim(), StringComparer.Ordinal);
        if (named.Count == 0)
        {
            return [];
        }

        var slugs = named.Keys.ToList();
        var found = await db.Sections.Where(s => slugs.Contains(s.Slug)).Select(s => new { s.Slug, s.Id }).ToListAsync(cancellationToken);
        var sections = found.ToDictionary(s => s.Slug, s => (Guid?)s.Id, StringComparer.Ordinal);
        var position = await db.Sections.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        foreach (var (slug, name) in named.Where(n => !sections.ContainsKey(n.Key)))
        {
            var section = new Section(Guid.CreateVersion7(now), slug, name, name, ++position);
            db.Sections.Add(section);
            db.AuditLog.Add(new AuditEntry(null, "import", "section.add", $"section:{slug}", null, now));
            sections[slug] = section.Id;
        }

        if (found.Count < named.Count)
        {
            // Every node's menus and section pages are rebuilt from this row, as when an admin adds a section.
            db.Outbox.Add(new OutboxMessage(Guid.Empty, OutboxKinds.CurationChanged, now));
        }

        return sections;
    }

    private static string SectionSlug(string name) => Slugs.FromHeadline(name.Trim());

    private async Task<Dictionary<(string, string), Story>> FindExistingAsync(
        IReadOnlyList<StoryToImport> batch, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), Story>();
        foreach (var group in batch.GroupBy(i => i.Source))
        {
            var source = group.Key;
            foreach (var chunk in group.Select(i => i.ExternalId).Distinct().Chunk(500))
            {
                var ids = chunk.ToList();
                var stories = await db.Stories
                    .Where(s => s.Source == source && ids.Contains(s.ExternalId!))
                    .ToListAsync(cancellationToken);
                foreach (var story in stories)
                {
                    found[(source, story.ExternalId!)] = story;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A free slug for each new story in the batch (null for those that exist): the headline's slug, or with -2, -3...
    /// when that is taken. Only exact slugs are looked up, by (language, slug), so each round is an indexed lookup
    /// however large the archive; the rounds widen, so even a headline used a hundred times a day takes few of them.
    /// </summary>
    private async Task<string?[]> NewSlugsAsync(
        IReadOnlyList<StoryToImport> batch, Dictionary<(string, string), Story> existing, CancellationToken cancellationToken)
    {
        var slugs = new string?[batch.Count];
        var taken = new HashSet<(Language, string)>();
        var seen = new HashSet<(string, string)>();
        var pending = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            // A page listed twice in one batch needs one slug: its later copies update the first copy's story.
            if (!existing.ContainsKey((batch[i].Source, batch[i].ExternalId)) && seen.Add((batch[i].Source, batch[i].ExternalId)))
            {
                pending.Add(i);
            }
        }

        var from = 1;
        var width = 1;
        while (pending.Count > 0)
        {
            var candidates = pending
                .SelectMany(i => Enumerable.Range(from, width).Select(n => (batch[i].Content.Language, Numbered(BaseSlug(batch[i].Content), n))))
                .Distinct()
                .ToList();
            await AddTakenAsync(candidates, taken, cancellationToken);

            var still = new List<int>();
            foreach (var i in pending)
            {
                var content = batch[i].Content;
                var slug = BaseSlug(content);
                for (var n = from; n < from + width && slugs[i] is null; n++)
                {
                    if (taken.Add((content.Language, Numbered(slug, n))))
                    {
                        slugs[i] = Numbered(slug, n);
                    }
                }

                if (slugs[i] is null)
                {
                    still.Add(i);
                }
            }

            pending = still;
            from += width;
            width = Math.Min(width * 8, 512);
        }

        return slugs;
    }

    private async Task AddTakenAsync(List<(Language Language, string Slug)> candidates, HashSet<(Language, string)> taken,
        CancellationToken cancellationToken)
    {
        foreach (var language in candidates.Select(c => c.Language).Distinct())
        {
            foreach (var chunk in candidates.Where(c => c.Language == language).Select(c => c.Slug).Chunk(500))
            {
                var slugs = chunk.ToList();
                var rows = await db.Stories
                    .Where(s => s.Language == language && slugs.Contains(s.Slug))
                    .Select(s => s.Slug)
                    .ToListAsync(cancellationToken);
                taken.UnionWith(rows.Select(slug => (language, slug)));
            }
        }
    }

    private static string BaseSlug(StoryContent content) =>
        Slugs.ForStory(content.Headline, content.PublishedAt ?? DateTimeOffset.UnixEpoch);

    private static string Numbered(string slug, int n) => n == 1 ? slug : $"{slug}-{n}";
}
