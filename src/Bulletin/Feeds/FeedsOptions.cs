namespace Bulletin.Feeds;

/// <summary>The "Feeds" configuration section: how much the feeds and sitemaps carry.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>Stories in each RSS, Atom and JSON feed, newest first.</summary>
    public int ItemCount { get; set; } = 50;

    /// <summary>Story URLs per sitemap file; the sitemaps protocol allows at most 50,000.</summary>
    public int SitemapPageSize { get; set; } = 50_000;
}
