using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>Where feeds live: beside the edition's home, under each section's path, and under /tag/{tag}.</summary>
public static class FeedPaths
{
    public static string Site(Language edition) => StoryPaths.EditionPrefix(edition);

    public static string Section(Language edition, string sectionSlug) => StoryPaths.Section(edition, sectionSlug);

    public static string Tag(Language edition, string tag) => $"{StoryPaths.EditionPrefix(edition)}/tag/{Uri.EscapeDataString(tag)}";

    public const string SitemapIndex = "/sitemap.xml";
    public const string NewsSitemap = "/news-sitemap.xml";
    public const string PagesSitemap = "/sitemaps/pages.xml";

    public static string StoriesSitemap(int number) => $"/sitemaps/stories-{number}.xml";
}
