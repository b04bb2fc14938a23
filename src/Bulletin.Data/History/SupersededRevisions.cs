using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Bulletin.Data.History;

/// <summary>
/// A revision whose content is still its story's working content stores none of its own (the text is kept once,
/// on the story). Before a save changes what a story says, the revisions that pointed at it get the content they
/// had, in the same transaction, so no earlier version is ever lost. Done here, where every save passes, rather
/// than by each caller: a path that forgot would lose history.
/// </summary>
internal static class SupersededRevisions
{
    private const int Chunk = 500;

    /// <summary>The mapped members that make up <see cref="Story.Content"/>.</summary>
    private static readonly string[] ContentMembers =
    [
        nameof(Story.Headline), "_subheadlines", nameof(Story.Language), "_bylines", "_tags", "_segments", nameof(Story.SignOff),
        nameof(Story.Programme), nameof(Story.TranscriptDisclaimer), nameof(Story.PublishedAt), nameof(Story.UpdatedAt),
    ];

    /// <summary>Finds the changes to save, then keeps what they supersede.</summary>
    public static async Task KeepAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        var before = Changing(db);
        foreach (var chunk in before.Keys.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var open = await Open(db, ids).ToListAsync(cancellationToken);
            Supersede(db, open, before);
        }
    }

    public static void Keep(BulletinDbContext db)
    {
        var before = Changing(db);
        foreach (var chunk in before.Keys.Chunk(Chunk))
        {
            var ids = chunk.ToList();
            Supersede(db, [.. Open(db, ids)], before);
        }
    }

    /// <summary>Stored revisions that still store no content of their own.</summary>
    private static IQueryable<StoryRevision> Open(BulletinDbContext db, List<Guid> ids) =>
        db.StoryRevisions.Where(r => ids.Contains(r.StoryId) && EF.Property<StoryContent?>(r, "_kept") == null);

    private static void Supersede(BulletinDbContext db, List<StoryRevision> open, Dictionary<Guid, StoryContent> before)
    {
        foreach (var revision in open)
        {
            revision.Supersede(before[revision.StoryId]);
            // The save does not look for changes again (see BulletinDbContext.SaveChanges): this entry says so itself.
            db.Entry(revision).DetectChanges();
        }
    }

    /// <summary>Each stored story whose content this save changes, with the content it had.</summary>
    private static Dictionary<Guid, StoryContent> Changing(BulletinDbContext db)
    {
        // Entries() finds the changes first (unless the caller turned that off), the one time this save does.
        var changing = new Dictionary<Guid, StoryContent>();
        foreach (var entry in db.ChangeTracker.Entries<Story>())
        {
            if (entry.State == EntityState.Modified && ContentMembers.Any(m => entry.Property(m).IsModified))
            {
                changing[entry.Entity.Id] = Original(entry);
            }
        }

        return changing;
    }

    private static StoryContent Original(EntityEntry<Story> entry)
    {
        var values = entry.OriginalValues;
        return new StoryContent
        {
            Headline = values.GetValue<string>(nameof(Story.Headline)),
            Subheadlines = values.GetValue<List<string>>("_subheadlines"),
            Language = values.GetValue<Language>(nameof(Story.Language)),
            Bylines = values.GetValue<List<string>>("_bylines"),
            Tags = values.GetValue<List<string>>("_tags"),
            Segments = values.GetValue<List<ScriptSegment>>("_segments"),
            SignOff = values.GetValue<string?>(nameof(Story.SignOff)),
            Programme = values.GetValue<Programme?>(nameof(Story.Programme)),
            TranscriptDisclaimer = values.GetValue<bool>(nameof(Story.TranscriptDisclaimer)),
            PublishedAt = values.GetValue<DateTimeOffset?>(nameof(Story.PublishedAt)),
            UpdatedAt = values.GetValue<DateTimeOffset>(nameof(Story.UpdatedAt)),
        };
    }
}
