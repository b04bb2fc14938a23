namespace Bulletin.Feeds;

/// <summary>A feed a page announces in its head, for readers and browsers to discover.</summary>
public sealed record FeedLink(string Title, string ContentType, string Href);
