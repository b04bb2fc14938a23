namespace Bulletin.Core.Rundowns;

/// <summary>
/// The whole rundown's timing. OverUnder is positive when the show runs past its hard out: the projected end
/// (the last item's front time plus its duration) minus the hard out.
/// </summary>
public sealed record RundownTiming(
    IReadOnlyList<ItemTiming> Items,
    IReadOnlyList<BlockTiming> Blocks,
    TimeSpan Total,
    DateTimeOffset ProjectedEnd,
    TimeSpan OverUnder);
