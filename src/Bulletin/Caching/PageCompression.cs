using System.IO.Compression;

namespace Bulletin.Caching;

/// <summary>
/// Brotli and gzip copies of a page. A copy made while a reader waits uses a fast level; the smallest copy is made
/// later, off the request, for pages read again. Measured on a 17 KB story page: Brotli quality 4 takes about 0.2 ms,
/// quality 9 about 11 ms (its encoder maps and zeroes megabytes of tables on every call, whatever the page's size),
/// quality 11 about 19 ms; gzip's fastest level 0.05 ms and its smallest 0.3 ms.
/// </summary>
internal static class PageCompression
{
    /// <summary>Above this size a page's best Brotli copy is made at quality 9 at most: quality 11 runs at about 1 MB/s.</summary>
    private const int LargePage = 1024 * 1024;

    public static byte[] Compress(byte[] body, Coding coding, bool best, PageCacheOptions options) => coding switch
    {
        Coding.Brotli => Brotli(body, best ? (body.Length > LargePage ? Math.Min(options.BrotliQuality, 9) : options.BrotliQuality) : options.FirstBrotliQuality),
        Coding.Gzip => Gzip(body, best ? CompressionLevel.SmallestSize : CompressionLevel.Optimal),
        _ => body,
    };

    private static byte[] Brotli(byte[] body, int quality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        // A 22-bit window is Brotli's default and what every browser decodes.
        return BrotliEncoder.TryCompress(body, output, out var written, quality, 22) ? output.AsSpan(0, written).ToArray() : body;
    }

    private static byte[] Gzip(byte[] body, CompressionLevel level)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
