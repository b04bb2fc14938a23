namespace Bulletin.Feeds;

/// <summary>The "Feeds" configuration section: how much the feeds and sitemaps carry.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>Stories in each RSS, Atom and JSON feed, newest first.</summary>
    public int ItemCount { get; set; } = 50;

    /// <summary>Story URLs per sitemap file; the sitemaps protocol allows at most 50,000.</summary>
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>
    /// How many of an edition's newest stories a tag feed looks through. Tags are kept as JSON text, which neither
    /// provider can search by element through EF, so the feed filters this window in memory (ids and tags only).
    /// </summary>
    public int TagWindow { get; set; } = 2_000;
}
