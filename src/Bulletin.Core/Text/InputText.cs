using System.Text;

namespace Bulletin.Core.Text;

/// <summary>
/// What every text field keeps of what a person, an import or a wire sends. Control characters (C0 but tab and
/// line feed, DEL, C1), lone surrogates and the noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF are dropped and line
/// ends become <c>\n</c>: none of them is text anyone reads, and one of them in a headline made XML writers refuse
/// the feeds and sitemaps for every reader. Everything a language needs (Hangul, joiners, direction marks, emoji)
/// is kept as it came.
/// </summary>
public static class InputText
{
    /// <summary>Text of several lines (a script segment, a tip): only what no reader can see goes.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text, singleLine: false))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                kept.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (IsKept(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>Text of one line (a headline, a tag, a name): line breaks and tabs become spaces, ends are trimmed.</summary>
    public static string CleanLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text, singleLine: true))
        {
            return text.Trim();
        }

        var cleaned = Clean(text);
        var line = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            line.Append(c is '\n' or '\t' ? ' ' : c);
        }

        return line.ToString().Trim();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    public static string? CleanLineOrNull(string? text) => text is null ? null : CleanLine(text);

    private static bool IsKept(char c) =>
        c is '\n' or '\t'
        || (c >= ' ' && c < '\u007f')
        || (c > '\u009f' && !char.IsSurrogate(c) && c is not '\ufffe' and not '\uffff' && c is not (>= '\ufdd0' and <= '\ufdef'));

    // Most text is clean: answer it without copying.
    private static bool IsClean(string text, bool singleLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsKept(c) || (singleLine && c is '\n' or '\t'))
            {
                return false;
            }
        }

        return true;
    }
}
