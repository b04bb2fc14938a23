using Bulletin.Core.Media;

namespace Bulletin.Media;

/// <summary>The item an upload made, or the HTTP status and words that say why none was made.</summary>
public sealed record MediaUpload(MediaItem? Item, int Status, string? Title, string? Refusal)
{
    public static MediaUpload Refused(int status, string title, string refusal) => new(null, status, title, refusal);
}
