using System.Text;
using Lucene.Net.Search.Highlight;

namespace Bulletin.Search;

/// <summary>
/// Encodes the story text around the highlights. Lucene's own HTML encoder also turns every non-ASCII character
/// into a numeric entity, which would make a Korean snippet unreadable as text; only the characters that matter
/// to HTML are encoded here.
/// </summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public static HtmlTextEncoder Instance { get; } = new();

    public string EncodeText(string originalText)
    {
        if (string.IsNullOrEmpty(originalText) || originalText.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return originalText ?? "";
        }

        var encoded = new StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return encoded.ToString();
    }
}
