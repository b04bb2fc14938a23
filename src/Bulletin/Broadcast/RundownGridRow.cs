using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;

namespace Bulletin.Broadcast;

/// <summary>
/// One line of the grid as the producer and the printed sheet show it. Position is its place in the running order
/// counting floated items (what a move names); Story is null for breaks and lines, and for a story since removed.
/// </summary>
public sealed record RundownGridRow(RundownItem Item, ItemTiming Timing, int Position, Story? Story)
{
    public string? StoryState => Story?.Status.ToCode();
}
