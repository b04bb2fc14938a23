using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;

namespace Bulletin.Broadcast;

/// <summary>
/// A rundown with its timing, block by block, and the stories its lines name: what the producer's grid, the printed
/// sheet and the prompter are drawn from, so all three show the same figures.
/// </summary>
public sealed record RundownGrid(Rundown Rundown, RundownTiming Timing, IReadOnlyList<RundownGridBlock> Blocks, IReadOnlyDictionary<Guid, Story> Stories)
{
    public IEnumerable<RundownGridRow> Rows => Blocks.SelectMany(b => b.Rows);

    public static RundownGrid Of(Rundowns.RundownSheet sheet, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Of(sheet.Rundown, sheet.Stories, now);
    }

    /// <param name="stories">The stories the rundown's lines name (missing ones show without a script).</param>
    /// <param name="now">The clock for an item on air, whose running time counts once past its estimate.</param>
    public static RundownGrid Of(Rundown rundown, IReadOnlyDictionary<Guid, Story> stories, DateTimeOffset? now)
    {
        var scripts = stories.ToDictionary(s => s.Key, s => s.Value.Content);
        var timing = rundown.Timing(scripts, now);
        var byItem = timing.Items.ToDictionary(t => t.ItemId);
        var position = 0;
        var blocks = new List<RundownGridBlock>(rundown.Blocks.Count);
        foreach (var block in rundown.Blocks)
        {
            var rows = new List<RundownGridRow>(block.Items.Count);
            foreach (var item in block.Items)
            {
                rows.Add(new RundownGridRow(item, byItem[item.Id], position++,
                    item.StoryId is { } id ? stories.GetValueOrDefault(id) : null));
            }

            blocks.Add(new RundownGridBlock(block, timing.Blocks.First(b => b.BlockId == block.Id), rows));
        }

        return new RundownGrid(rundown, timing, blocks, stories);
    }
}
