using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Markup;

namespace Bulletin.Ingest.Feeds;

/// <summary>
/// Reads another outlet's RSS (0.9x, 1.0 as RDF, 2.0) or Atom (0.3, 1.0) feed: one story per entry, with its title,
/// its fullest text (content:encoded or Atom content, else the description or summary), times, authors,
/// categories as tags, language, and its guid or id (else its link) as its identity, its updated time as its version.
/// An entry with neither a title nor any text is no story and is left out; a feed with no entries reads as none.
/// </summary>
/// <remarks>
/// Written over the secured XDocument rather than System.ServiceModel.Syndication, which reads RSS 2.0 and Atom 1.0
/// only and refuses a whole feed for one date or element it does not expect: on the feedparser suite's well-formed
/// files it read 931 of 1,690 (none of the Atom 0.3 ones, few of the iTunes, language and xml:base ones).
/// </remarks>
public static class FeedReader
{
    private static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static IReadOnlyList<ReadResult> Read(ReadOnlySpan<byte> bytes)
    {
        var (document, error) = SafeXml.Load(bytes);
        return document?.Root is { } root ? Read(root) : [ReadResult.Failure(error!)];
    }

    /// <summary>True for the roots of the feed formats this reader knows.</summary>
    public static bool IsFeed(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Name.LocalName is "rss" or "feed" or "channel" or "CHANNEL" || (root.Name.LocalName == "RDF" && root.Name.Namespace == Rdf);
    }

    public static IReadOnlyList<ReadResult> Read(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!IsFeed(root))
        {
            return [ReadResult.Failure($"The file is XML (its root is <{root.Name.LocalName}>), but not an RSS or Atom feed.")];
        }

        if (root.Name.LocalName == "feed")
        {
            var feedLanguage = Language(root);
            var source = SourceOf(Link(root));
            return [.. root.Elements().Where(e => e.Name.LocalName == "entry").Select(e => AtomEntry(e, feedLanguage, source)).OfType<ReadResult>()];
        }

        if (root.Name.LocalName == "CHANNEL")
        {
            var cdfSource = SourceOf((string?)root.Attribute("HREF"));
            return [.. root.Elements("ITEM").Select(i => CdfItem(i, cdfSource)).OfType<ReadResult>()];
        }

        var channel = root.Name.LocalName == "channel" ? root : Child(root, "channel");
        var channelLanguage = NonEmpty(Text(Child(channel, "language"))) ?? NonEmpty(Text(Child(channel, "language", Dc))) ?? Language(channel ?? root) ?? Language(root);
        var channelSource = SourceOf(Text(Child(channel, "link")));

        // RSS 0.9x and 2.0 keep items in the channel; RSS 1.0 and 0.90 beside it.
        var items = (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item");
        return [.. items.Select(i => RssItem(i, channelLanguage, channelSource)).OfType<ReadResult>()];
    }

    private static ReadResult? RssItem(XElement item, string? channelLanguage, string? source)
    {
        var warnings = new List<string>();
        var title = HtmlText.Line(NonEmpty(Text(Child(item, "title"))) ?? NonEmpty(Text(Child(item, "title", Dc)))
            ?? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "title" && e.Name.NamespaceName == "http://search.yahoo.com/mrss/")));
        var encoded = Text(Child(item, "encoded", Content));
        if (encoded.Length == 0)
        {
            // Older extensions: an XHTML <body> carried inline, and Userland's escaped <fullitem>.
            encoded = item.Elements().FirstOrDefault(e => e.Name.LocalName == "body") is { } inline
                ? string.Concat(inline.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
                : Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "fullitem"));
        }

        var description = NonEmpty(Text(Child(item, "description"))) ?? NonEmpty(Text(Child(item, "description", Dc)))
            ?? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "summary" && e.Name.NamespaceName.Contains("itunes", StringComparison.Ordinal)));
        var body = HtmlText.Paragraphs(encoded.Length > 0 ? encoded : description);
        var subheadline = encoded.Length > 0 && description.Length > 0 ? HtmlText.Line(description) : null;
        var published = Time(Child(item, "pubDate") ?? Child(item, "date", Dc), warnings);
        var link = Text(Child(item, "link"));
        var guid = Text(Child(item, "guid"));
        if (guid.Length == 0 && (string?)item.Attribute(Rdf + "about") is { Length: > 0 } about)
        {
            guid = about;
        }

        var authors = item.Elements().Where(e => e.Name.LocalName is "author" or "creator").Select(e => HtmlText.Line(e.Value)).Where(a => a.Length > 0);
        var tags = item.Elements().Where(e => e.Name.LocalName is "category" or "subject").Select(e => HtmlText.Line(e.Value)).Where(t => t.Length > 0);
        var language = Language(item) ?? NonEmpty(Text(Child(item, "language", Dc))) ?? channelLanguage;
        return Entry(title, body, subheadline, published, null, authors, tags, language, guid.Length > 0 ? guid : link, source ?? SourceOf(link), warnings);
    }

    /// <summary>Microsoft's Channel Definition Format, which some old sites still serve: upper-case names, times as attributes.</summary>
    private static ReadResult? CdfItem(XElement item, string? source)
    {
        var warnings = new List<string>();
        var title = HtmlText.Line((string?)item.Element("TITLE"));
        var body = HtmlText.Paragraphs((string?)item.Element("ABSTRACT"));
        var time = SourceTime.Parse((string?)item.Attribute("LASTMOD"));
        return Entry(title, body, null, time, null, [], [], Language(item), (string?)item.Attribute("HREF"), source, warnings);
    }

    private static ReadResult? AtomEntry(XElement entry, string? feedLanguage, string? source)
    {
        var warnings = new List<string>();
        var title = HtmlText.Line(AtomText(Child(entry, "title"), warnings));
        var content = AtomText(Child(entry, "content"), warnings);
        var summary = AtomText(Child(entry, "summary"), warnings);
        var body = HtmlText.Paragraphs(content.Length > 0 ? content : summary);
        var subheadline = content.Length > 0 && summary.Length > 0 ? HtmlText.Line(summary) : null;
        var published = Time(Child(entry, "published") ?? Child(entry, "issued") ?? Child(entry, "created"), warnings);
        var updated = Time(Child(entry, "updated") ?? Child(entry, "modified"), warnings);
        var authors = entry.Elements().Where(e => e.Name.LocalName is "author" or "contributor")
            .Select(a => HtmlText.Line(Text(Child(a, "name")))).Where(a => a.Length > 0);
        var tags = entry.Elements().Where(e => e.Name.LocalName == "category")
            .Select(c => (string?)c.Attribute("label") ?? (string?)c.Attribute("term") ?? "").Select(t => t.Trim()).Where(t => t.Length > 0);
        var id = Text(Child(entry, "id"));
        var link = Link(entry);
        return Entry(title, body, subheadline, published ?? updated, published is null ? null : updated, authors, tags,
            Language(entry) ?? feedLanguage, id.Length > 0 ? id : link, source ?? SourceOf(link), warnings);
    }

    private static ReadResult? Entry(string title, string body, string? subheadline, DateTimeOffset? published, DateTimeOffset? updated,
        IEnumerable<string> authors, IEnumerable<string> tags, string? language, string? identity, string? source, List<string> warnings)
    {
        if (title.Length == 0 && body.Length == 0)
        {
            return null;
        }

        if (title.Length == 0)
        {
            var opening = body.Split("\n\n", 2)[0];
            title = opening.Length <= 120 ? opening : opening[..117] + "...";
            warnings.Add("The entry has no title; its first sentence is used as one.");
        }

        if (published is null)
        {
            warnings.Add("The entry gives no time: it is imported as a draft for an editor to date.");
        }

        var story = new StoryContent
        {
            Headline = title,
            Subheadlines = subheadline is { Length: > 0 } && subheadline != title && !body.StartsWith(subheadline, StringComparison.Ordinal) ? [subheadline] : [],
            Language = SourceLanguage.Of(string.IsNullOrWhiteSpace(language) ? null : language, title + " " + body, warnings),
            Bylines = [.. authors.Distinct()],
            Tags = [.. tags.Distinct(StringComparer.OrdinalIgnoreCase)],
            Segments = body.Length > 0 ? [new ScriptSegment(SegmentKind.Article, body)] : [],
            PublishedAt = published,
            UpdatedAt = updated != published ? updated : null,
        };
        return ReadResult.Success(story, warnings) with
        {
            Source = source ?? "feed",
            Identity = string.IsNullOrWhiteSpace(identity) ? null : identity.Trim(),
            Version = (updated ?? published)?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An Atom text construct as HTML: text escaped, html as it stands, xhtml's div serialised.</summary>
    private static string AtomText(XElement? element, List<string> warnings)
    {
        if (element is null)
        {
            return "";
        }

        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        if (mode == "base64" || (type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("xml", StringComparison.Ordinal)))
        {
            // Atom 0.3's mode="base64", and Atom 1.0's rule that any other media type is carried in base64.
            string decoded;
            try
            {
                decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(element.Value.Trim()));
            }
            catch (FormatException)
            {
                warnings.Add($"Content of type {type} is not text; it is left out.");
                return "";
            }

            return type is "html" or "text/html" ? decoded : System.Net.WebUtility.HtmlEncode(decoded);
        }

        if (type is "xhtml" or "application/xhtml+xml" || (mode == "xml" && element.HasElements))
        {
            var container = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div") is { } div && element.Elements().Count() == 1 ? div : element;
            return string.Concat(container.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        }

        if (type is "html" or "text/html" || mode == "escaped")
        {
            return element.Value;
        }

        // Plain text: escaped, so that "<" in a title stays a character, not a tag.
        return System.Net.WebUtility.HtmlEncode(element.Value);
    }

    private static string? Link(XElement element)
    {
        var links = element.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var alternate = links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate") ?? links.FirstOrDefault();
        return (string?)alternate?.Attribute("href") ?? (alternate is null ? null : Text(alternate));
    }

    private static string? SourceOf(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;

    private static string? Language(XElement element) =>
        element.Attribute(XNamespace.Xml + "lang") is { Value.Length: > 0 } lang ? lang.Value : null;

    private static DateTimeOffset? Time(XElement? element, List<string> warnings)
    {
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        var time = SourceTime.Parse(element.Value);
        if (time is null)
        {
            warnings.Add($"The entry's {element.Name.LocalName} '{element.Value.Trim()}' is not a time this reader understands; it is left out.");
        }

        return time;
    }

    private static string Text(XElement? element) => element?.Value.Trim() ?? "";

    private static string? NonEmpty(string text) => text.Length > 0 ? text : null;

    /// <summary>
    /// The first child of that name in the format's own namespaces (none, RSS 0.90 and 1.0, the Userland RSS 2.0
    /// ones, Atom 0.3 and 1.0), or in the one given; so that dc:title or media:title never stands in for a title.
    /// </summary>
    private static XElement? Child(XElement? element, string name, XNamespace? ns = null) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == name && (ns is null ? CoreNamespaces.Contains(e.Name.NamespaceName) : e.Name.Namespace == ns));

    private static readonly HashSet<string> CoreNamespaces = new(StringComparer.Ordinal)
    {
        "", "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2", "http://backend.userland.com/rss", "http://blogs.law.harvard.edu/tech/rss",
    };
}
