namespace Bulletin.Media.Renditions;

/// <summary>What a photo made: its upright size and its renditions; or why it could not be used.</summary>
public sealed record PhotoRendering(int Width, int Height, IReadOnlyList<RenderedFile> Files, string? Refusal)
{
    public static PhotoRendering Refused(string reason) => new(0, 0, [], reason);
}
