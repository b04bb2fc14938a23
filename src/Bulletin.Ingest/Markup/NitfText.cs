using System.Text;
using System.Xml.Linq;

namespace Bulletin.Ingest.Markup;

/// <summary>
/// Reads an NITF document or body (the IPTC's news article markup, inside NewsML-G2 and ninjs): its headline,
/// subheadlines and byline from body.head, and its body.content as paragraphs. Names are matched without their
/// namespace, as agencies send NITF both with and without one.
/// </summary>
public static class NitfText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "hl1", "hl2", "li", "pre", "dt", "dd", "td", "th", "caption", "media-caption", "bq", "credit", "tagline",
    };

    // Markup about the text, not text: media files, table metadata, document-level notes.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "media-reference", "media-object", "media-metadata", "nitf-table-metadata", "head", "body.head", "body.end",
    };

    public static string? Headline(XElement nitf) =>
        Text(First(nitf, "hedline", "hl1")) is { Length: > 0 } headline ? headline : Text(First(nitf, "head", "title")) is { Length: > 0 } title ? title : null;

    public static IReadOnlyList<string> Subheadlines(XElement nitf) =>
        [.. Child(nitf, "body")?.Elements().Where(e => e.Name.LocalName == "body.head").Elements().Where(e => e.Name.LocalName == "hedline")
            .Elements().Where(e => e.Name.LocalName == "hl2").Select(Text).Where(t => t.Length > 0) ?? []];

    public static IReadOnlyList<string> Bylines(XElement nitf) =>
        [.. nitf.Descendants().Where(e => e.Name.LocalName == "byline").Select(b =>
            b.Elements().FirstOrDefault(e => e.Name.LocalName == "person") is { } person ? Text(person) : Text(b)).Where(t => t.Length > 0)];

    /// <summary>The body's paragraphs, separated by blank lines; the whole element when it has no body.content.</summary>
    public static string Paragraphs(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var content = element.Name.LocalName == "body.content"
            ? element
            : element.Descendants().FirstOrDefault(e => e.Name.LocalName == "body.content") ?? element;
        var paragraphs = new List<string>();
        var line = new StringBuilder();
        Walk(content, paragraphs, line);
        Flush(paragraphs, line);
        return string.Join("\n\n", paragraphs);
    }

    private static void Walk(XElement element, List<string> paragraphs, StringBuilder line)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    line.Append(text.Value);
                    break;
                case XElement child when Skipped.Contains(child.Name.LocalName):
                    break;
                case XElement child when child.Name.LocalName == "br":
                    Flush(paragraphs, line);
                    break;
                case XElement child when Blocks.Contains(child.Name.LocalName):
                    Flush(paragraphs, line);
                    Walk(child, paragraphs, line);
                    Flush(paragraphs, line);
                    break;
                case XElement child:
                    Walk(child, paragraphs, line);
                    break;
            }
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder line)
    {
        var text = HtmlText.PlainParagraphs(line.ToString()).Replace("\n\n", " ", StringComparison.Ordinal);
        line.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    private static XElement? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static XElement? First(XElement element, string parent, string name) =>
        element.Descendants().FirstOrDefault(e => e.Name.LocalName == parent)?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string Text(XElement? element) =>
        element is null ? "" : HtmlText.PlainParagraphs(element.Value).Replace("\n\n", " ", StringComparison.Ordinal);
}
