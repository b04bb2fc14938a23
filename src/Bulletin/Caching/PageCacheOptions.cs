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

    /// <summary>The browser's <c>max-age</c>: short, so a reader who reloads soon sees a kill or a correction.</summary>
    public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A CDN's <c>s-maxage</c>.</summary>
    public TimeSpan SharedMaxAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a CDN may go on serving a page past <see cref="SharedMaxAge"/> while it fetches a new one.</summary>
    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Memory for all cached pages and their compressed copies; the least recently read go first.</summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Bigger answers (a full sitemap file) are sent as they are and rendered again each time.</summary>
    public int MaxPageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Brotli quality (0 to 11) for the copy made once per page; 11 is smallest and slowest.</summary>
    public int BrotliQuality { get; set; } = 9;

    public string CacheControl() =>
        $"public, max-age={Seconds(BrowserMaxAge)}, s-maxage={Seconds(SharedMaxAge)}, stale-while-revalidate={Seconds(StaleWhileRevalidate)}";

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
