using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Publication;

/// <summary>
/// Keeps the read model of what is published in line with the stories. Every path that changes what readers
/// see (the workflow, the scheduler, imports, the demo newsroom) calls this after changing the story and before
/// its SaveChanges, so the story, its outbox row and its published row commit together or not at all.
/// </summary>
public static class Publication
{
    private const int Chunk = 1_000;

    /// <summary>Longer tags stay on the story but get no row: no tag page or feed address takes them.</summary>
    public const int MaxTagLength = 200;

    /// <summary>Writes the story's published row (and tag rows) from its live version, or removes them when it is not live.</summary>
    public static Task FollowAsync(this BulletinDbContext db, Story story, CancellationToken cancellationToken) =>
        db.FollowAsync([story], cancellationToken);

    /// <inheritdoc cref="FollowAsync(BulletinDbContext, Story, CancellationToken)"/>
    public static async Task FollowAsync(this BulletinDbContext db, IReadOnlyCollection<Story> stories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stories);

        // A story added in this unit of work has no rows yet: an import of new stories costs no lookups.
        var stored = stories.Where(s => db.Entry(s).State != EntityState.Added).Select(s => s.Id).Distinct().ToList();
        var rows = new Dictionary<Guid, PublishedStory>();
        var tags = new Dictionary<Guid, List<PublishedStoryTag>>();
        foreach (var chunk in stored.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var row in await db.PublishedStories.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                rows[row.Id] = row;
            }

            foreach (var tag in await db.PublishedStoryTags.Where(t => ids.Contains(t.StoryId)).ToListAsync(cancellationToken))
            {
                (tags.TryGetValue(tag.StoryId, out var list) ? list : tags[tag.StoryId] = []).Add(tag);
            }
        }

        foreach (var story in stories)
        {
            rows.TryGetValue(story.Id, out var row);
            var had = tags.GetValueOrDefault(story.Id) ?? [];
            if (!story.IsLive || story.Live is null)
            {
                db.PublishedStoryTags.RemoveRange(had);
                if (row is not null)
                {
                    db.PublishedStories.Remove(row);
                }

                continue;
            }

            if (row is null)
            {
                row = PublishedStory.Of(story);
                db.PublishedStories.Add(row);
                rows[story.Id] = row;
            }
            else
            {
                row.Follow(story);
            }

            FollowTags(db, row, had);
        }
    }

    private static void FollowTags(BulletinDbContext db, PublishedStory row, List<PublishedStoryTag> had)
    {
        var wanted = row.Tags.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= MaxTagLength).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        foreach (var tag in had)
        {
            if (wanted.Remove(tag.Tag))
            {
                tag.Follow(row.Language, row.PublishedAt);
            }
            else
            {
                db.PublishedStoryTags.Remove(tag);
            }
        }

        db.PublishedStoryTags.AddRange(wanted.Select(tag => new PublishedStoryTag(row.Id, tag, row.Language, row.PublishedAt)));
    }
}
