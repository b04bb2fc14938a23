using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Markup;

namespace Bulletin.Ingest.NewsMlG2;

/// <summary>
/// Reads IPTC NewsML-G2: a bare newsItem, or a newsMessage with any number of them in its itemSet. Each newsItem
/// gives a story: the headline, subheadline, byline (by, creator), language, subjects and keywords from its
/// contentMeta, times and pubStatus from its itemMeta (stat:canceled is a kill), guid and version for re-import, and
/// the body from its contentSet: NITF or XHTML in inlineXML, or plain text in inlineData. Names are matched by local
/// name, as some agencies (TT among them) send NewsML-G2 with no namespace.
/// </summary>
public static class NewsMlG2Reader
{
    public const string Namespace = "http://iptc.org/std/nar/2006-10-01/";

    private static readonly string[] OtherItems = ["packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"];

    public static IReadOnlyList<ReadResult> Read(ReadOnlySpan<byte> bytes)
    {
        var (document, error) = SafeXml.Load(bytes);
        return document?.Root is { } root ? Read(root) : [ReadResult.Failure(error!)];
    }

    public static IReadOnlyList<ReadResult> Read(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var name = root.Name.LocalName;
        if (!IsNewsMl(root))
        {
            return [ReadResult.Failure($"The file is XML (its root is <{name}>), but not a NewsML-G2 newsItem or newsMessage.")];
        }

        switch (name)
        {
            case "newsItem":
                return [ReadItem(root)];
            case "newsMessage":
                var items = Child(root, "itemSet")?.Elements().Where(e => e.Name.LocalName == "newsItem").ToList() ?? [];
                return items.Count > 0
                    ? [.. items.Select(ReadItem)]
                    : [ReadResult.Failure("The newsMessage holds no newsItem: packages, concepts and planning items are not stories.")];
            default:
                return [ReadResult.Failure($"The file is a NewsML-G2 {name}, not a newsItem: only news items are stories.")];
        }
    }

    /// <summary>A NewsML-G2 root: in the IPTC namespace, or in none with a name only NewsML-G2 uses.</summary>
    public static bool IsNewsMl(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var name = root.Name.LocalName;
        var known = name is "newsItem" or "newsMessage" || OtherItems.Contains(name);
        return known && (root.Name.NamespaceName == Namespace || (root.Name.NamespaceName.Length == 0 && name is "newsItem" or "newsMessage"));
    }

    private static ReadResult ReadItem(XElement item)
    {
        var guid = (string?)item.Attribute("guid");
        if (string.IsNullOrWhiteSpace(guid))
        {
            return ReadResult.Failure("A newsItem has no guid, which every NewsML-G2 item must have.");
        }

        var warnings = new List<string>();
        var itemMeta = Child(item, "itemMeta");
        var contentMeta = Child(item, "contentMeta");
        var itemClass = (string?)Child(itemMeta, "itemClass")?.Attribute("qcode");
        var (body, nitf) = Body(Child(item, "contentSet"), warnings);

        var headlines = Children(contentMeta, "headline").Select(Line).Where(h => h.Length > 0).ToList();
        var headline = headlines.FirstOrDefault() ?? (nitf is null ? null : NitfText.Headline(nitf));
        var subheadlines = Children(contentMeta, "subheadline").Select(Line).Concat(headlines.Skip(1))
            .Concat(nitf is null ? [] : NitfText.Subheadlines(nitf)).Where(h => h.Length > 0 && h != headline).Distinct().ToList();
        var descriptions = Children(contentMeta, "description").Select(d => HtmlText.PlainParagraphs(d.Value)).Where(d => d.Length > 0).ToList();
        if (body.Length == 0 && descriptions.Count > 0)
        {
            body = string.Join("\n\n", descriptions);
        }

        if (string.IsNullOrWhiteSpace(headline))
        {
            var slugline = Line(Child(contentMeta, "slugline"));
            if (slugline.Length == 0)
            {
                return ReadResult.Failure($"The newsItem {guid} has no headline (nor a slugline to stand for one).");
            }

            headline = slugline;
            warnings.Add("The item has no headline; its slugline is used as one.");
        }

        if (itemClass is not null && !itemClass.EndsWith(":text", StringComparison.Ordinal) && !itemClass.EndsWith("/text", StringComparison.Ordinal))
        {
            warnings.Add($"The item is of class {itemClass}: its words are imported, its media are not.");
        }

        var firstCreated = Time(Child(itemMeta, "firstCreated"), warnings) ?? Time(Child(contentMeta, "contentCreated"), warnings);
        var versionCreated = Time(Child(itemMeta, "versionCreated"), warnings);
        var languageTag = (string?)Child(contentMeta, "language")?.Attribute("tag") ?? (string?)item.Attribute(XNamespace.Xml + "lang");
        var content = new StoryContent
        {
            Headline = headline,
            Subheadlines = subheadlines,
            Language = SourceLanguage.Of(languageTag, headline + " " + body, warnings),
            Bylines = Bylines(contentMeta, nitf),
            Tags = [.. Children(contentMeta, "subject").Select(s => Line(Child(s, "name"))).Concat(Children(contentMeta, "keyword").Select(Line))
                .Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Segments = body.Length > 0 ? [new ScriptSegment(SegmentKind.Article, body)] : [],
            PublishedAt = firstCreated ?? versionCreated,
            UpdatedAt = firstCreated is not null && versionCreated is not null && versionCreated != firstCreated ? versionCreated : null,
        };
        if (content.PublishedAt is null)
        {
            warnings.Add("The item gives no time: it is imported as a draft for an editor to date.");
        }

        if (body.Length == 0)
        {
            warnings.Add("The item carries no text in its contentSet.");
        }

        var status = (string?)Child(itemMeta, "pubStatus")?.Attribute("qcode") ?? (string?)Child(itemMeta, "pubStatus")?.Attribute("uri");
        if (status?.EndsWith("withheld", StringComparison.Ordinal) == true)
        {
            warnings.Add("The source has withheld this item for now: check with the agency before publishing it.");
        }

        return ReadResult.Success(content, warnings) with
        {
            Source = SourceOf(guid, itemMeta) ?? "newsml",
            Identity = guid,
            Version = (string?)item.Attribute("version") ?? (string?)Child(itemMeta, "versionCreated"),
            Killed = status?.EndsWith("canceled", StringComparison.Ordinal) == true,
        };
    }

    /// <summary>The first text rendition in the contentSet, as paragraphs, and the NITF document when it was one.</summary>
    private static (string Body, XElement? Nitf) Body(XElement? contentSet, List<string> warnings)
    {
        if (contentSet is null)
        {
            return ("", null);
        }

        foreach (var rendition in contentSet.Elements())
        {
            var contentType = ((string?)rendition.Attribute("contenttype"))?.ToLowerInvariant() ?? "";
            switch (rendition.Name.LocalName)
            {
                case "inlineXML" when rendition.Elements().FirstOrDefault() is { } root:
                    if (root.Name.LocalName == "nitf" || contentType.Contains("nitf", StringComparison.Ordinal))
                    {
                        return (NitfText.Paragraphs(root), root);
                    }

                    if (root.Name.LocalName == "html" || contentType.Contains("html", StringComparison.Ordinal))
                    {
                        var body = root.Name.LocalName == "html" ? Child(root, "body") ?? root : root;
                        return (HtmlText.Paragraphs(string.Concat(body.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))), null);
                    }

                    warnings.Add($"The inline XML <{root.Name.LocalName}> is not NITF or XHTML; its text is imported as it stands.");
                    return (NitfText.Paragraphs(root), null);
                case "inlineData":
                    return (contentType.Contains("html", StringComparison.Ordinal) ? HtmlText.Paragraphs(rendition.Value) : HtmlText.PlainParagraphs(rendition.Value), null);
                case "remoteContent" when contentType.StartsWith("text/", StringComparison.Ordinal):
                    warnings.Add($"The text is at {(string?)rendition.Attribute("href")}, which an import does not fetch.");
                    break;
            }
        }

        return ("", null);
    }

    private static List<string> Bylines(XElement? contentMeta, XElement? nitf)
    {
        var by = Children(contentMeta, "by").Select(Line).Where(b => b.Length > 0).ToList();
        if (by.Count > 0)
        {
            return by;
        }

        var creators = Children(contentMeta, "creator").Select(c => Line(Child(c, "name"))).Where(c => c.Length > 0).ToList();
        if (creators.Count > 0)
        {
            return creators;
        }

        return nitf is null ? [] : [.. NitfText.Bylines(nitf)];
    }

    /// <summary>The agency: the provider's name or qcode, or the domain in a urn:newsml guid.</summary>
    private static string? SourceOf(string guid, XElement? itemMeta)
    {
        if (guid.StartsWith("urn:newsml:", StringComparison.OrdinalIgnoreCase) && guid.Split(':') is { Length: > 2 } parts)
        {
            return parts[2];
        }

        var provider = Child(itemMeta, "provider");
        if (provider is not null)
        {
            var qcode = (string?)provider.Attribute("qcode");
            if (qcode?.Split(':') is [_, { Length: > 0 } code])
            {
                return code;
            }

            if (Uri.TryCreate((string?)provider.Attribute("uri"), UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            {
                return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
            }

            if ((string?)provider.Attribute("literal") is { Length: > 0 } literal)
            {
                return literal;
            }
        }

        return Uri.TryCreate(guid, UriKind.Absolute, out var address) && address.Host.Length > 0
            ? (address.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? address.Host[4..] : address.Host)
            : null;
    }

    private static DateTimeOffset? Time(XElement? element, List<string> warnings)
    {
        if (element is null || string.IsNullOrWhiteSpace(element.Value))
        {
            return null;
        }

        var time = SourceTime.Parse(element.Value);
        if (time is null)
        {
            warnings.Add($"The item's {element.Name.LocalName} '{element.Value.Trim()}' is not a time this reader understands; it is left out.");
        }

        return time;
    }

    private static string Line(XElement? element) =>
        element is null ? "" : HtmlText.PlainParagraphs(element.Value).Replace("\n\n", " ", StringComparison.Ordinal);

    private static XElement? Child(XElement? element, string name) => element?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement? element, string name) =>
        element?.Elements().Where(e => e.Name.LocalName == name) ?? [];
}
