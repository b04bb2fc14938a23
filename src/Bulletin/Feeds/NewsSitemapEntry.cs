namespace Bulletin.Feeds;

/// <summary>One story in a Google News sitemap: its address, the publication's name and language, when and what, and its lead photo's address.</summary>
public sealed record NewsSitemapEntry(string Loc, string PublicationName, string Language, string PublicationDate, string Title, string? Image = null);
