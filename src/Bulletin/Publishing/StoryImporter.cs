using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Data.Publication;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// Applies imported stories to the database, idempotently: a story already imported from the same source and
/// external id is updated in place, never duplicated. A batch is one transaction with its outbox rows.
/// </summary>
public sealed class StoryImporter(BulletinDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ImportedStory>> SaveAsync(
        IReadOnlyList<StoryToImport> batch, Guid? sectionId, bool publish, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await FindExistingAsync(batch, cancellationToken);
        var takenSlugs = await FindTakenSlugsAsync(batch, existing, cancellationToken);
        var results = new List<ImportedStory>(batch.Count);

        foreach (var item in batch)
        {
            var key = (item.Source, item.ExternalId);
            bool created;
            bool changed;
            if (existing.TryGetValue(key, out var story))
            {
                created = false;
                var imported = story.Import(item.Content, sectionId, Actor.Importer, now);
                changed = imported.Outcome == WorkflowOutcome.Done;
                if (changed && story.IsLive)
                {
                    // An import speaks for the source, which already published the change: the live page followed it.
                    db.Outbox.Add(new OutboxMessage(story.Id, OutboxKinds.StoryChanged, now));
                }
            }
            else
            {
                var slug = UniqueSlug(item.Content, takenSlugs);
                story = Story.Import(Guid.CreateVersion7(now), slug, item.Content, sectionId, item.Source, item.ExternalId, Actor.Importer, now)
                    .Value!;
                db.Stories.Add(story);
                existing[key] = story;
                created = changed = true;
            }

            if (publish && !story.IsLive && story.ImportLive(Actor.Importer, now).Outcome == WorkflowOutcome.Done)
            {
                db.Outbox.Add(new OutboxMessage(story.Id, OutboxKinds.StoryPublished, now));
                changed = true;
            }

            results.Add(new ImportedStory(story, created, changed));
        }

        await db.FollowAsync([.. results.Where(r => r.Changed && r.Story.IsLive).Select(r => r.Story).Distinct()], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return results;
    }

    private async Task<Dictionary<(string, string), Story>> FindExistingAsync(
        IReadOnlyList<StoryToImport> batch, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), Story>();
        foreach (var group in batch.GroupBy(i => i.Source))
        {
            var ids = group.Select(i => i.ExternalId).Distinct().ToList();
            var source = group.Key;
            var stories = await db.Stories
                .Where(s => s.Source == source && ids.Contains(s.ExternalId!))
                .ToListAsync(cancellationToken);
            foreach (var story in stories)
            {
                found[(source, story.ExternalId!)] = story;
            }
        }

        return found;
    }

    private async Task<HashSet<(Language, string)>> FindTakenSlugsAsync(
        IReadOnlyList<StoryToImport> batch, Dictionary<(string, string), Story> existing, CancellationToken cancellationToken)
    {
        var wanted = batch
            .Where(i => !existing.ContainsKey((i.Source, i.ExternalId)))
            .Select(i => BaseSlug(i.Content))
            .Distinct()
            .ToList();
        var taken = new HashSet<(Language, string)>();
        if (wanted.Count == 0)
        {
            return taken;
        }

        foreach (var chunk in wanted.Chunk(500))
        {
            var slugs = chunk.ToList();
            var rows = await db.Stories
                .Where(s => slugs.Contains(s.Slug))
                .Select(s => new { s.Language, s.Slug })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                taken.Add((row.Language, row.Slug));

                // A slug in use may have numbered siblings (-2, -3...) from earlier collisions.
                var prefix = row.Slug + "-";
                var siblings = await db.Stories
                    .Where(s => s.Language == row.Language && s.Slug.StartsWith(prefix))
                    .Select(s => s.Slug)
                    .ToListAsync(cancellationToken);
                taken.UnionWith(siblings.Select(slug => (row.Language, slug)));
            }
        }

        return taken;
    }

    private static string BaseSlug(StoryContent content) =>
        Slugs.ForStory(content.Headline, content.PublishedAt ?? DateTimeOffset.UnixEpoch);

    private static string UniqueSlug(StoryContent content, HashSet<(Language, string)> taken)
    {
        var slug = BaseSlug(content);
        var candidate = slug;
        for (var n = 2; !taken.Add((content.Language, candidate)); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
