using Bulletin.Core.Sections;
using Bulletin.Core.Workflow;
using Microsoft.AspNetCore.Identity;
using Bulletin.Data;
using Bulletin.Data.Publication;
using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Hosting;

/// <summary>Brings the database up to date before anything uses it, and gives a new one its sections.</summary>
public static class DatabaseStartup
{
    /// <summary>
    /// What a node (and every verb) does at start: migrates when <see cref="DatabaseOptions.MigratesOnStart"/>, and
    /// otherwise refuses a database that lacks migrations (<see cref="DatabaseBehindException"/>). Returns true when
    /// this call created the database.
    /// </summary>
    public static async Task<bool> PrepareAsync(BulletinDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MigratesOnStart)
        {
            return await MigrateAsync(db, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count > 0 ? throw new DatabaseBehindException(pending) : false;
    }

    /// <summary>
    /// Applies pending migrations and seeds what a database needs (its sections, the staff roles), under the
    /// start-up lock: of nodes starting together, the first does it and the others find it done. Returns true when
    /// the database was new (had no migration applied).
    /// </summary>
    public static async Task<bool> MigrateAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var hold = await StartupLock.TakeAsync(db, cancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var isNew = !applied.Any();
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (!isNew && pending.Any(m => m.EndsWith("_" + PublishedStoriesMigration, StringComparison.Ordinal)))
        {
            await FillPublishedStoriesAsync(db, cancellationToken);
        }
        if (!await db.Sections.AnyAsync(cancellationToken))
        {
            db.Sections.AddRange(StandardSections());
            await db.SaveChangesAsync(cancellationToken);
        }

        var roles = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in StaffRoles.All.Where(r => !roles.Contains(r)))
        {
            db.Roles.Add(new IdentityRole<Guid>(role)
            {
                Id = Guid.CreateVersion7(),
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return isNew;
    }

    private const string PublishedStoriesMigration = "AddPublishedStories";

    /// <summary>
    /// Gives a database that had live stories before the read model existed a published row for each, from the
    /// live version each story kept, in batches so memory stays flat on a large archive. Runs once, right after
    /// the migration that adds the table.
    /// </summary>
    private static async Task FillPublishedStoriesAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            var batch = chunk.ToList();
            var stories = await db.Stories.Where(s => batch.Contains(s.Id)).ToListAsync(cancellationToken);
            await db.FollowAsync(stories, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The desks of a general news channel; editors rename and reorder them as they like.</summary>
    private static IEnumerable<Section> StandardSections()
    {
        (string Slug, string Korean, string English)[] sections =
        [
            ("politics", "정치", "Politics"),
            ("economy", "경제", "Economy"),
            ("society", "사회", "Society"),
            ("world", "국제", "World"),
            ("culture", "문화", "Culture"),
            ("sports", "스포츠", "Sports"),
        ];
        return sections.Select((s, i) => new Section(Guid.CreateVersion7(), s.Slug, s.Korean, s.English, i + 1));
    }
}
