namespace Bulletin.Feeds;

/// <summary>One of the three feed formats, as endpoint metadata: its file name in URLs and its media type.</summary>
public sealed record FeedFormat(string Name, string FileName, string ContentType)
{
    public static readonly FeedFormat Rss = new("RSS", "rss.xml", "application/rss+xml");
    public static readonly FeedFormat Atom = new("Atom", "atom.xml", "application/atom+xml");
    public static readonly FeedFormat Json = new("JSON Feed", "feed.json", "application/feed+json");

    public static IReadOnlyList<FeedFormat> All { get; } = [Rss, Atom, Json];
}
