namespace Bulletin.Core.Media;

/// <summary>
/// One file made from an item's original: a width (<c>w640.webp</c>) or a crop around the focal point
/// (<c>16x9-1200.jpg</c>). Made once and never changed, so its address can be cached for a year.
/// </summary>
/// <param name="Name">The file name under the item's public path; also its storage key's last part.</param>
/// <param name="Crop">"16x9", "4x3" or "1x1" for a crop; null for the whole picture.</param>
public sealed record MediaRendition(string Name, string ContentType, int Width, int Height, string? Crop, long Bytes);
