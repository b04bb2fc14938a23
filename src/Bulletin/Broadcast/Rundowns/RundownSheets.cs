using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>Reads rundowns with their stories: one query for the rundowns' rows, one for every story they name.</summary>
public static class RundownSheets
{
    /// <summary>The most rundowns on air at once that the gateway and a script edit follow.</summary>
    public const int MaxOnAir = 50;

    public static async Task<List<RundownSheet>> WithStoriesAsync(this BulletinDbContext db, IReadOnlyList<Rundown> rundowns,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rundowns);
        var ids = rundowns.SelectMany(r => r.Items).Select(i => i.StoryId).OfType<Guid>().Distinct().ToList();
        var stories = ids.Count == 0
            ? []
            : await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return [.. rundowns.Select(r => new RundownSheet(r, Named(r, stories)))];
    }

    /// <summary>The rundowns on air (what the studio's devices hold), earliest first, each with its stories.</summary>
    public static async Task<List<RundownSheet>> OnAirAsync(this BulletinDbContext db, IReadOnlyCollection<Guid>? among,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Rundowns.AsNoTracking().Where(r => r.Status == RundownStatus.OnAir);
        if (among is not null)
        {
            query = query.Where(r => among.Contains(r.Id));
        }

        var rundowns = await query.OrderBy(r => r.Start).ThenBy(r => r.Id).Take(MaxOnAir).WithRunningOrder().ToListAsync(cancellationToken);
        return await db.WithStoriesAsync(rundowns, cancellationToken);
    }

    private static Dictionary<Guid, Story> Named(Rundown rundown, Dictionary<Guid, Story> stories)
    {
        var named = new Dictionary<Guid, Story>();
        foreach (var id in rundown.Items.Select(i => i.StoryId).OfType<Guid>())
        {
            if (stories.TryGetValue(id, out var story))
            {
                named[id] = story;
            }
        }

        return named;
    }
}
