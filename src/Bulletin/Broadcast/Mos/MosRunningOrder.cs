namespace Bulletin.Broadcast.Mos;

/// <summary>A running order as MOS devices hold it: the rundown's items that are not floated, in order.</summary>
public sealed record MosRunningOrder(
    string Id,
    string Slug,
    DateTimeOffset? EditorialStart,
    TimeSpan? EditorialDuration,
    IReadOnlyList<MosStory> Stories);
