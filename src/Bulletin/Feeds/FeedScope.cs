using Bulletin.Core.Stories;

namespace Bulletin.Feeds;

/// <summary>
/// What one feed covers: an edition, and within it everything, one section or one tag. BasePath is where its
/// three files live ("/en/section/world" + "/rss.xml"); HomePath is the page the feed stands for.
/// </summary>
public sealed record FeedScope(Language Edition, string Title, string BasePath, string HomePath, Guid? SectionId = null, string? Tag = null)
{
    public string PathOf(FeedFormat format) => $"{BasePath}/{format.FileName}";
}
