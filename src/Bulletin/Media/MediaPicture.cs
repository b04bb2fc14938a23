using System.Globalization;
using Bulletin.Core.Media;
using Bulletin.Media.Renditions;

namespace Bulletin.Media;

/// <summary>
/// A library photo as a page, a feed or a wire copy shows it: its renditions as <c>srcset</c> lists (WebP first, JPEG
/// for the rest), a fallback <c>src</c>, the size that reserves its space, its words, and its three crops.
/// </summary>
public sealed record MediaPicture(
    Guid Id,
    string Alt,
    string Caption,
    string Credit,
    int Width,
    int Height,
    string Src,
    string SrcsetWebp,
    string SrcsetJpeg,
    IReadOnlyList<MediaRendition> Crops,
    IReadOnlyList<MediaRendition> All)
{
    /// <summary>The column the story page sets photos in (site.css: .story is 42rem), full width below it.</summary>
    public const string Sizes = "(max-width: 42rem) 100vw, 42rem";

    /// <summary>The one the fallback <c>src</c> and a feed's enclosure use: wide enough for a laptop, small enough for a phone.</summary>
    private const int FallbackWidth = 960;

    public static MediaPicture? Of(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var jpegs = item.Renditions.Where(r => r.Crop is null && r.ContentType == PhotoRenditions.Jpeg).OrderBy(r => r.Width).ToList();
        var webps = item.Renditions.Where(r => r.Crop is null && r.ContentType == PhotoRenditions.WebP).OrderBy(r => r.Width).ToList();
        if (jpegs.Count == 0)
        {
            return null;
        }

        var fallback = jpegs.LastOrDefault(r => r.Width <= FallbackWidth) ?? jpegs[0];
        var widest = jpegs[^1];
        return new MediaPicture(item.Id, item.AltText, item.Caption, item.Credit, widest.Width, widest.Height,
            MediaPaths.Public(item.Id, fallback), Srcset(item.Id, webps), Srcset(item.Id, jpegs),
            [.. item.Renditions.Where(r => r.Crop is not null)], item.Renditions);
    }

    public MediaRendition? Crop(string name) => Crops.FirstOrDefault(c => c.Crop == name);

    public string PathOf(MediaRendition rendition) => MediaPaths.Public(Id, rendition);

    private static string Srcset(Guid id, IEnumerable<MediaRendition> renditions) =>
        string.Join(", ", renditions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{MediaPaths.Public(id, r)} {r.Width}w")));
}
