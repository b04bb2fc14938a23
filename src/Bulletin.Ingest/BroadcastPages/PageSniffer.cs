using System.Buffers;
using System.Text.Json;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>Tells files that are not broadcast pages apart early, so that the error names what the file is.</summary>
internal static class PageSniffer
{
    // Control characters that never appear in a saved page: all of C0 except tab, line feed, form feed and return.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    public static string? DescribeBinary(ReadOnlySpan<byte> bytes)
    {
        var kind = bytes switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
            [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image",
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
            [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "a ZIP archive (or an Office or HWPX document)",
            [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Office or HWP document",
            [0x1F, 0x8B, ..] => "a gzip archive",
            _ => null,
        };

        if (kind is null && bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
        {
            kind = "binary data";
        }

        return kind is null ? null : $"The file is {kind}, not a text page.";
    }

    /// <summary>Text with NUL or many control characters came from a binary file read as text.</summary>
    public static bool LooksBinary(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(Controls) < 0)
        {
            return false;
        }

        if (span.Contains('\0'))
        {
            return true;
        }

        var controls = 0;
        foreach (var c in span)
        {
            if (Controls.Contains(c))
            {
                controls++;
            }
        }

        return controls > 8 && controls * 100 > text.Length;
    }

    /// <summary>HTML, XML, JSON or RTF, judged by how the text starts; null for text that may be a page.</summary>
    public static string? DescribeOtherFormat(string text, int start)
    {
        var head = text.AsSpan(start, Math.Min(text.Length - start, 2048));

        // XML after a line of text (a pasted attack, a file with a banner) is still XML, never a page to keep as text.
        if (head[0] != '<' && (head.Contains("<?xml", StringComparison.OrdinalIgnoreCase) || head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase)))
        {
            return "The file holds XML markup (an XML declaration, a DOCTYPE or an entity) after its first line: it is neither a broadcast page nor well-formed XML.";
        }

        switch (head[0])
        {
            case '<':
                if (head.Contains("<html", StringComparison.OrdinalIgnoreCase)
                    || head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
                    || head.Contains("<body", StringComparison.OrdinalIgnoreCase))
                {
                    return "The file is an HTML document, not a saved page text. Save the page as text, or use the HTML importer.";
                }

                if (head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase))
                {
                    return "The file is an RSS or Atom feed (XML), not a broadcast page.";
                }

                return "The file is an XML or HTML document, not a broadcast page.";
            case '{':
                return head.StartsWith(@"{\rtf", StringComparison.Ordinal)
                    ? "The file is an RTF document, not a plain-text page."
                    : "The file is a JSON document, not a broadcast page.";
            case '[' when IsJson(text.AsSpan(start)):
                return "The file is a JSON document, not a broadcast page.";
            default:
                return null;
        }
    }

    // Korean headlines often start with a bracket ("[단독]", "[2보]"), so '[' alone proves nothing.
    private static bool IsJson(ReadOnlySpan<char> text)
    {
        var rest = text[1..].TrimStart();
        if (rest.IsEmpty || rest[0] is not ('{' or '[' or '"' or ']' or '-' or (>= '0' and <= '9')))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
