using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>The feeds every public page announces: its edition's three, and a section page's own three.</summary>
public static class FeedLinks
{
    public static IEnumerable<FeedLink> For(PageChrome chrome)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        foreach (var format in FeedFormat.All)
        {
            yield return new FeedLink($"{chrome.SiteName} ({format.Name})", format.ContentType, $"{FeedPaths.Site(chrome.Edition)}/{format.FileName}");
        }

        if (chrome.FeedSection is { } section)
        {
            foreach (var format in FeedFormat.All)
            {
                yield return new FeedLink($"{section.NameIn(chrome.Edition)} | {chrome.SiteName} ({format.Name})", format.ContentType,
                    $"{FeedPaths.Section(chrome.Edition, section.Slug)}/{format.FileName}");
            }
        }
    }
}
