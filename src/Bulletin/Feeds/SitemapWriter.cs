using System.Text;
using System.Xml;

namespace Bulletin.Feeds;

/// <summary>Sitemaps (https://www.sitemaps.org/protocol.html) and Google News sitemaps, written as UTF-8 XML.</summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string ImageNamespace = "http://www.google.com/schemas/sitemap-image/1.1";

    /// <summary>The protocol's limit of URLs in one sitemap, and of sitemaps in one index.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Google's limit of news:news entries in one news sitemap.</summary>
    public const int MaxNewsUrls = 1_000;

    public static byte[] Index(IEnumerable<string> sitemaps) => Write(writer =>
    {
        writer.WriteStartElement("sitemapindex", Namespace);
        foreach (var loc in sitemaps)
        {
            writer.WriteStartElement("sitemap", Namespace);
            writer.WriteElementString("loc", Namespace, loc);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] Urls(IEnumerable<(string Loc, string? LastModified)> urls) => Write(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var (loc, lastModified) in urls)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, loc);
            if (lastModified is not null)
            {
                writer.WriteElementString("lastmod", Namespace, lastModified);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] News(IEnumerable<NewsSitemapEntry> entries) => Write(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        writer.WriteAttributeString("xmlns", "image", null, ImageNamespace);
        foreach (var entry in entries)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, entry.Loc);
            writer.WriteStartElement("news", NewsNamespace);
            writer.WriteStartElement("publication", NewsNamespace);
            writer.WriteElementString("name", NewsNamespace, entry.PublicationName);
            writer.WriteElementString("language", NewsNamespace, entry.Language);
            writer.WriteEndElement();
            writer.WriteElementString("publication_date", NewsNamespace, entry.PublicationDate);
            writer.WriteElementString("title", NewsNamespace, entry.Title);
            writer.WriteEndElement();
            if (entry.Image is { } image)
            {
                writer.WriteStartElement("image", ImageNamespace);
                writer.WriteElementString("loc", ImageNamespace, image);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
