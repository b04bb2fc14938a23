using Bulletin.Core.Rundowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Bulletin.Data.Rundowns;

/// <summary>
/// The running order in the database. The aggregate keeps its blocks and items in lists, and rows have no order of
/// their own, so each block and item carries its place (Position), and each item its rundown (for the index from a
/// story to the rundowns it sits in). Both are written here, where every save passes, so no caller can forget them.
/// </summary>
public static class RundownOrder
{
    public const string Position = "Position";
    public const string RundownId = "RundownId";
    public const string BlockId = "BlockId";
    public const string ItemId = "ItemId";

    /// <summary>A rundown with its blocks, items and their studio objects, each in running order.</summary>
    public static IQueryable<Rundown> WithRunningOrder(this IQueryable<Rundown> rundowns) =>
        rundowns
            .Include(r => r.Blocks.OrderBy(b => EF.Property<int>(b, Position)))
            .ThenInclude(b => b.Items.OrderBy(i => EF.Property<int>(i, Position)))
            .ThenInclude(i => i.Objects.OrderBy(o => EF.Property<int>(o, Position)))
            .AsSplitQuery();

    /// <summary>The ids of the rundowns a story sits in, from the items' (StoryId, RundownId) index.</summary>
    public static IQueryable<Guid> HoldingStory(this BulletinDbContext db, Guid storyId) =>
        db.Set<RundownItem>().Where(i => i.StoryId == storyId).Select(i => EF.Property<Guid>(i, RundownId)).Distinct();

    /// <summary>Writes every tracked rundown's order into its rows; changes have already been detected.</summary>
    internal static void Keep(BulletinDbContext db)
    {
        // Listed first: writing a position moves an unchanged row to modified, which the tracker's own lists would feel.
        foreach (var entry in db.ChangeTracker.Entries<Rundown>().ToList())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            var rundown = entry.Entity;
            for (var b = 0; b < rundown.Blocks.Count; b++)
            {
                var block = db.Entry(rundown.Blocks[b]);
                Set(block.Property<int>(Position), b);
                for (var i = 0; i < rundown.Blocks[b].Items.Count; i++)
                {
                    var item = db.Entry(rundown.Blocks[b].Items[i]);
                    Set(item.Property<int>(Position), i);
                    Set(item.Property<Guid>(RundownId), rundown.Id);
                    var objects = rundown.Blocks[b].Items[i].Objects;
                    for (var o = 0; o < objects.Count; o++)
                    {
                        Set(db.Entry(objects[o]).Property<int>(Position), o);
                    }
                }
            }
        }
    }

    private static void Set<TEntity, T>(PropertyEntry<TEntity, T> property, T value)
        where TEntity : class
    {
        // Only a real move is written: an unchanged rundown's rows stay out of the UPDATE.
        if (!EqualityComparer<T>.Default.Equals(property.CurrentValue, value))
        {
            property.CurrentValue = value;
        }
    }
}
