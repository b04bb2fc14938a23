using Bulletin.Core.Sections;
using Bulletin.Core.Workflow;
using Microsoft.AspNetCore.Identity;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Hosting;

/// <summary>Brings the database up to date before anything uses it, and gives a new one its sections.</summary>
public static class DatabaseStartup
{
    /// <summary>Applies pending migrations. Returns true when the database was new (had no migration applied).</summary>
    public static async Task<bool> MigrateAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var isNew = !applied.Any();
        await db.Database.MigrateAsync(cancellationToken);
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
