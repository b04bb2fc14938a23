namespace Bulletin.Media;

/// <summary>The "Media" configuration section's limits on what the library accepts.</summary>
public sealed class MediaLibraryOptions
{
    public const string SectionName = "Media";

    /// <summary>The largest upload; bigger ones are refused before they are read to the end.</summary>
    public long MaxUploadBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>
    /// The most pixels a photo may have, checked on the header before anything is decoded: 50 MP covers every
    /// phone and most cameras, and a pixel flood claiming gigapixels is refused without allocating for it.
    /// </summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Photos decoded at once; each holds up to about 100 MB of pixels while its renditions are made.</summary>
    public int ConcurrentRenditions { get; set; } = 2;

    /// <summary>The refusal of a file over the limit, in words.</summary>
    public static string Describe(long limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A media file is at most {limit / (1024.0 * 1024):0.#} MB.");
}
