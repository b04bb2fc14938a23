namespace Bulletin.Site;

/// <summary>One ImageObject of a NewsArticle: an absolute address and the size of the file there.</summary>
public sealed record NewsArticleImage(string Url, int Width, int Height, string Caption, string Credit);
