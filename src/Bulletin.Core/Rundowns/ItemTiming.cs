namespace Bulletin.Core.Rundowns;

/// <summary>
/// The timing of one item, in whole seconds. Front, back and cumulative time are null for a floated item, which
/// leaves the timing. HardStartOff is how far the front time falls after the item's hard start (negative: early).
/// </summary>
public sealed record ItemTiming(
    Guid ItemId,
    string Page,
    string Slug,
    TimeSpan TextTime,
    TimeSpan MediaTime,
    TimeSpan Duration,
    bool Floated,
    bool Aired,
    bool OnAir,
    DateTimeOffset? FrontTime,
    DateTimeOffset? BackTime,
    TimeSpan? Cume,
    TimeSpan? HardStartOff);
