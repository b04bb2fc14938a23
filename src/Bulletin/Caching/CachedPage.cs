using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>
/// One cached answer as it goes on the wire: the body, its Brotli and gzip copies (made once, here), a strong
/// ETag for each, and every header the page set. Serving it is header assignments and one write.
/// </summary>
internal sealed class CachedPage
{
    private CachedPage(PageVariant identity, PageVariant? brotli, PageVariant? gzip)
    {
        Identity = identity;
        Brotli = brotli;
        Gzip = gzip;
    }

    public PageVariant Identity { get; }
    public PageVariant? Brotli { get; }
    public PageVariant? Gzip { get; }
    public StringValues ContentType { get; private init; }
    public StringValues CacheControl { get; private init; }
    public DateTimeOffset? LastModified { get; private init; }
    public StringValues LastModifiedText { get; private init; }

    /// <summary>Other headers the page set (a security policy, a language), kept as they were.</summary>
    public KeyValuePair<string, StringValues>[] Headers { get; private init; } = [];
    public string[] Tags { get; private init; } = [];

    /// <summary>Timestamp (<see cref="TimeProvider.GetTimestamp"/>) after which this copy is no longer served.</summary>
    public long ExpiresAt { get; private init; }

    /// <summary>Timestamp of the last read, for choosing what to drop when memory runs short; written without a lock.</summary>
    public long LastUsed;

    public long Size => Identity.Body.Length + (Brotli?.Body.Length ?? 0) + (Gzip?.Body.Length ?? 0);

    /// <summary>Headers the cache writes itself, or that must never be replayed to another reader.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "ETag", "Cache-Control", "Vary",
        "Last-Modified", "Date", "Server", "Expires", "Pragma", "Set-Cookie", "Connection", "Keep-Alive",
    };

    public static CachedPage Build(byte[] body, IHeaderDictionary headers, IEnumerable<string> tags, PageCacheOptions options,
        long now, TimeProvider time)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        var identity = new PageVariant(body, new StringValues($"\"{hash}\""), StringValues.Empty);
        var brotli = Smaller(body, CompressBrotli(body, options.BrotliQuality), hash, "br");
        var gzip = Smaller(body, CompressGzip(body), hash, "gzip");
        DateTimeOffset? lastModified = Microsoft.Net.Http.Headers.HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var parsed)
            ? parsed
            : null;
        return new CachedPage(identity, brotli, gzip)
        {
            ContentType = headers.ContentType,
            CacheControl = new StringValues(options.CacheControl()),
            LastModified = lastModified,
            LastModifiedText = lastModified is null ? StringValues.Empty : headers.LastModified,
            Headers = [.. headers.Where(h => !OwnHeaders.Contains(h.Key))],
            Tags = [.. tags.Distinct(StringComparer.Ordinal)],
            ExpiresAt = now + (long)(options.Lifetime.TotalSeconds * time.TimestampFrequency),
            LastUsed = now,
        };
    }

    private static PageVariant? Smaller(byte[] identity, byte[] compressed, string hash, string coding) =>
        compressed.Length < identity.Length ? new PageVariant(compressed, new StringValues($"\"{hash}-{coding}\""), new StringValues(coding)) : null;

    private static byte[] CompressBrotli(byte[] body, int quality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        // A 22-bit window is Brotli's default and what every browser decodes.
        return BrotliEncoder.TryCompress(body, output, out var written, quality, 22) ? output.AsSpan(0, written).ToArray() : body;
    }

    private static byte[] CompressGzip(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
