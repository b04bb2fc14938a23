using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>
/// One cached answer as it goes on the wire: the body, a strong ETag for it and for each compressed copy, and every
/// header the page set. The Brotli and gzip copies are made when a reader first asks for one, and replaced by
/// smaller ones in the background when the page is asked for again in that coding (<see cref="PageRecompressor"/>);
/// the <see cref="PageCache"/> installs them, so that its byte count stays right. Serving a page is header
/// assignments and one write.
/// </summary>
internal sealed class CachedPage
{
    private PageVariant? _brotli;
    private PageVariant? _gzip;
    private int _incompressible;
    private int _brotliQueued;
    private int _gzipQueued;

    private CachedPage(string key, PageVariant identity, string hash)
    {
        Key = key;
        Identity = identity;
        BrotliETag = new StringValues($"\"{hash}-br\"");
        GzipETag = new StringValues($"\"{hash}-gzip\"");
    }

    public string Key { get; }
    public PageVariant Identity { get; }

    /// <summary>
    /// The tag a coding's copy has, known before the copy is made, so that a 304 needs none. It names the page's
    /// bytes and the coding, not the compression level: a copy replaced by a smaller one decodes to the same page,
    /// and cached pages are never sent in ranges, the one use that needs byte-identical copies under one tag.
    /// </summary>
    public StringValues ETag(Coding coding) => coding switch
    {
        Coding.Brotli => BrotliETag,
        Coding.Gzip => GzipETag,
        _ => Identity.ETag,
    };

    private StringValues BrotliETag { get; }
    private StringValues GzipETag { get; }
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

    /// <summary>Whether the cache holds this page now; read and written under the cache's lock.</summary>
    internal bool Stored;

    /// <summary>False once a compressed copy came out no smaller than the page: it is then always sent as it is.</summary>
    public bool Compressible => Volatile.Read(ref _incompressible) == 0;

    public long Size => Identity.Body.Length + (_brotli?.Body.Length ?? 0) + (_gzip?.Body.Length ?? 0);

    /// <summary>Headers the cache writes itself, or that must never be replayed to another reader.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "ETag", "Cache-Control", "Vary",
        "Last-Modified", "Date", "Server", "Expires", "Pragma", "Set-Cookie", "Connection", "Keep-Alive",
    };

    /// <summary>The copy in this coding, if one was made.</summary>
    public PageVariant? Copy(Coding coding) => coding switch
    {
        Coding.Brotli => Volatile.Read(ref _brotli),
        Coding.Gzip => Volatile.Read(ref _gzip),
        _ => Identity,
    };

    /// <summary>Claims the one background recompression a coding's copy gets; true for the first caller only.</summary>
    public bool ClaimRecompression(Coding coding) => coding switch
    {
        Coding.Brotli => Interlocked.Exchange(ref _brotliQueued, 1) == 0,
        Coding.Gzip => Interlocked.Exchange(ref _gzipQueued, 1) == 0,
        _ => false,
    };

    /// <summary>Gives the claim back (the queue was full), so that a later read may offer the page again.</summary>
    public void ReleaseRecompression(Coding coding)
    {
        if (coding == Coding.Brotli)
        {
            Volatile.Write(ref _brotliQueued, 0);
        }
        else if (coding == Coding.Gzip)
        {
            Volatile.Write(ref _gzipQueued, 0);
        }
    }

    /// <summary>Makes a copy of the body in this coding; null when it would be no smaller than the body.</summary>
    public PageVariant? Compress(Coding coding, bool best, PageCacheOptions options)
    {
        var compressed = PageCompression.Compress(Identity.Body, coding, best, options);
        if (compressed.Length >= Identity.Body.Length)
        {
            return null;
        }

        return new PageVariant(compressed, ETag(coding), new StringValues(coding == Coding.Brotli ? "br" : "gzip"), best);
    }

    /// <summary>Only the page cache calls this, under its lock; returns the change in <see cref="Size"/>.</summary>
    internal long Install(Coding coding, PageVariant? copy)
    {
        if (copy is null)
        {
            Volatile.Write(ref _incompressible, 1);
            return 0;
        }

        ref var slot = ref coding == Coding.Brotli ? ref _brotli : ref _gzip;
        var before = slot?.Body.Length ?? 0;
        Volatile.Write(ref slot, copy);
        return copy.Body.Length - before;
    }

    public static CachedPage Build(string key, byte[] body, IHeaderDictionary headers, IEnumerable<string> tags, PageCacheOptions options,
        long now, TimeProvider time)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        var identity = new PageVariant(body, new StringValues($"\"{hash}\""), StringValues.Empty, Best: true);
        DateTimeOffset? lastModified = Microsoft.Net.Http.Headers.HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var parsed)
            ? parsed
            : null;
        return new CachedPage(key, identity, hash)
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
}
