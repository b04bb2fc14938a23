namespace Bulletin.Broadcast.Mos;

/// <summary>
/// One story of a running order: its page number (storyNum), its timing carried as external metadata, the studio
/// objects attached to it, and the script body that roStorySend carries to the prompter.
/// </summary>
public sealed record MosStory(
    string Id,
    string Slug,
    string? Number,
    TimeSpan? Duration,
    TimeSpan? TextTime,
    TimeSpan? MediaTime,
    IReadOnlyList<MosItem> Items,
    IReadOnlyList<MosParagraph> Body)
{
    /// <summary>
    /// Whether the device copy would differ apart from its items (which roElementAction changes one by one) and the
    /// script body (which roStorySend carries).
    /// </summary>
    public bool SameOutline(MosStory other) =>
        Id == other.Id && Slug == other.Slug && Number == other.Number && Duration == other.Duration
        && TextTime == other.TextTime && MediaTime == other.MediaTime;
}
