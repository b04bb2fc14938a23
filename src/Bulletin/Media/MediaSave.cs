using Bulletin.Core.Media;

namespace Bulletin.Media;

/// <summary>What a save of an item's fields came to: the item as it now is, and whether it was saved, stale or missing.</summary>
public sealed record MediaSave(MediaItem? Current, MediaSaveOutcome Outcome, string? Refusal = null);
