namespace Bulletin.Caching;

/// <summary>
/// The "PageCache" configuration section: how long this node keeps a finished public page, and what it tells
/// browsers and a CDN in front of it. This node's copy is evicted the moment a change is committed, so it may be
/// kept long; a CDN's copy cannot be, so <see cref="SharedMaxAge"/> is how stale a page may be at the edge.
/// </summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "PageCache";

    /// <summary>Longest this node keeps a page no change has evicted (picks and banners also expire by the clock).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The browser's <c>max-age</c>. None by default: a browser asks again each time with the page's ETag and gets a
    /// 304 while nothing changed, so an editor who corrects a story, and any reader after, sees the note at once.
    /// </summary>
    public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.Zero;

    /// <summary>A CDN's <c>s-maxage</c>.</summary>
    public TimeSpan SharedMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a CDN may go on serving a page past <see cref="SharedMaxAge"/> while it fetches a new one.</summary>
    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Memory for all cached pages and their compressed copies; the least recently read go first.</summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Bigger answers (a full sitemap file) are sent as they are and rendered again each time.</summary>
    public int MaxPageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Brotli quality (0 to 11) of the copy made in the background for a page read again in Brotli; 11 is smallest
    /// and slowest (about 20 ms for a story page, on a thread that yields to readers).
    /// </summary>
    public int BrotliQuality { get; set; } = 11;

    /// <summary>
    /// Brotli quality of the copy made while the first reader to ask for Brotli waits: 4 takes a fifth of a
    /// millisecond for a 17 KB story page, and its copy is about a third bigger than quality 11's; 9 and above take
    /// 10 ms or more whatever the page's size.
    /// </summary>
    public int FirstBrotliQuality { get; set; } = 4;

    public string CacheControl() =>
        $"public, max-age={Seconds(BrowserMaxAge)}, s-maxage={Seconds(SharedMaxAge)}, stale-while-revalidate={Seconds(StaleWhileRevalidate)}";

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
