using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Bulletin.Ingest.Markup;

/// <summary>
/// Turns the HTML of a wire body, a feed entry or a blog post into the story model's plain paragraphs. The markup is
/// first cleaned by HtmlSanitizer, so that what a script, a style sheet, an embed or an event handler holds never
/// becomes story text; then every block (paragraph, heading, list item, quotation, table row, line break) becomes a
/// paragraph, with white space collapsed as a browser would.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // What is code or data, never text for a reader: scripts, style sheets, templates, the document head, drawings,
    // form controls and players. The sanitiser drops these whole; every other tag it refuses (blink, font, Word's
    // o:p, an iframe or object left open by broken markup that swallowed the rest of the text) goes but keeps its text.
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "head", "title", "meta", "link", "base", "svg", "math", "select", "textarea", "canvas",
        "audio", "video", "embed", "param",
    };

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (Hidden.Contains(e.Tag.LocalName))
            {
                e.Cancel = true;
                e.Tag.Remove();
            }
        };
        return sanitizer;
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "blockquote", "pre", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th",
        "hr", "address", "caption", "details", "summary",
    };

    /// <summary>Paragraphs separated by a blank line, as <see cref="Core.Stories.ScriptSegment"/> keeps them.</summary>
    public static string Paragraphs(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var clean = Sanitizer.Sanitize(html);
        var document = new HtmlParser().ParseDocument($"<body>{clean}</body>");
        var paragraphs = new List<string>();
        var line = new StringBuilder();
        Walk(document.Body!, paragraphs, line);
        Flush(paragraphs, line);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>One line of text (a headline, a name) from text that may hold markup or entities.</summary>
    public static string Line(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Paragraphs(html).Replace("\n\n", " ", StringComparison.Ordinal);

    /// <summary>Plain text split into paragraphs at blank lines (or at every line when it has no blank lines).</summary>
    public static string PlainParagraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var separator = normalised.Contains("\n\n", StringComparison.Ordinal) ? "\n\n" : "\n";
        return string.Join("\n\n", normalised
            .Split(separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Collapse(p))
            .Where(p => p.Length > 0));
    }

    private static void Walk(INode node, List<string> paragraphs, StringBuilder line)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    line.Append(text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    Flush(paragraphs, line);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(paragraphs, line);
                    Walk(element, paragraphs, line);
                    Flush(paragraphs, line);
                    break;
                case IElement element:
                    Walk(element, paragraphs, line);
                    break;
            }
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder line)
    {
        var text = Collapse(line.ToString());
        line.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
