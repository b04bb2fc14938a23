using System.Collections.Frozen;

namespace Bulletin.Ingest.BroadcastPages;

internal enum ScriptLineKind
{
    Text,
    Anchor,
    Reporter,
    SpeakerTurn,
    Soundbite,
}

/// <summary>
/// A line of the script that starts with '[': a segment marker, a speaker turn, a soundbite, or (as in
/// "[단독] ...") plain text. <see cref="Text"/> is the soundbite's quote; <see cref="Rest"/> is story text
/// that followed the marker or the soundbite's closing bracket on the same line.
/// </summary>
internal readonly record struct ScriptLine(
    ScriptLineKind Kind,
    string Text = "",
    string? Speaker = null,
    string? Title = null,
    string? When = null,
    bool Unclosed = false,
    string Rest = "")
{
    private const int MaxSpeakerLength = 100;

    private static readonly FrozenSet<string> AnchorMarkers = new[]
    {
        "Anchor", "Anchor comment", "Anchor Ment", "앵커", "앵커멘트", "앵커 멘트",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ReporterMarkers = new[]
    {
        "Reporter", "Report", "Correspondent", "기자", "리포트", "특파원",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static string AnchorMarker(bool korean) => korean ? "[앵커]" : "[Anchor]";

    public static string ReporterMarker(bool korean) => korean ? "[기자]" : "[Reporter]";

    public static ScriptLine Parse(string line)
    {
        if (line.Length < 3 || line[0] != '[')
        {
            return new(ScriptLineKind.Text);
        }

        var depth = 1;
        var parens = 0;
        for (var i = 1; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return Bracketed(line, i);
                    }

                    break;
                case '(':
                    parens++;
                    break;
                case ')':
                    parens = Math.Max(0, parens - 1);
                    break;
                case ':' or '：' when depth == 1 && parens == 0:
                    return i <= MaxSpeakerLength ? Soundbite(line, i) : new(ScriptLineKind.Text);
            }
        }

        return new(ScriptLineKind.Text);
    }

    // "[앵커]", "[기자] text", "[홍길동]", "[홍길동 / 교수]"; anything else in brackets ("[단독] ...") is text.
    private static ScriptLine Bracketed(string line, int close)
    {
        var inner = line[1..close].Trim();
        var rest = close + 1 < line.Length ? line[(close + 1)..].Trim() : "";
        if (AnchorMarkers.Contains(inner))
        {
            return new(ScriptLineKind.Anchor, Rest: rest);
        }

        if (ReporterMarkers.Contains(inner))
        {
            return new(ScriptLineKind.Reporter, Rest: rest);
        }

        if (rest.Length > 0 || inner.Length == 0 || inner.Length > 60 || inner[^1] is '.' or '?' or '!')
        {
            return new(ScriptLineKind.Text);
        }

        var (speaker, title, when) = ReadSpeaker(inner);
        return speaker is null ? new(ScriptLineKind.Text) : new(ScriptLineKind.SpeakerTurn, "", speaker, title, when);
    }

    private static ScriptLine Soundbite(string line, int colon)
    {
        var (speaker, title, when) = ReadSpeaker(line[1..colon]);
        var depth = 1;
        for (var i = colon + 1; i < line.Length; i++)
        {
            if (line[i] == '[')
            {
                depth++;
            }
            else if (line[i] == ']' && --depth == 0)
            {
                // Text after the closing bracket on the same line is story text; the reader treats it as the next line.
                var quote = line[(colon + 1)..i].Trim();
                var after = line[(i + 1)..].Trim();
                return new(ScriptLineKind.Soundbite, quote, speaker, title, when, Rest: after);
            }
        }

        return new(ScriptLineKind.Soundbite, line[(colon + 1)..].Trim(), speaker, title, when, Unclosed: true);
    }

    /// <summary>
    /// "홍길동 / 국방부 장관 (지난 9일)" → speaker, title, when. '/' separates name from title (and place or date
    /// parts, which stay with the title); without a slash, English pages put the name last: "Kremlin spokesman Dmitry Peskov".
    /// </summary>
    public static (string? Speaker, string? Title, string? When) ReadSpeaker(string part)
    {
        string? when = null;
        var open = part.IndexOf('(', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = part.IndexOf(')', open + 1);
            if (close < 0)
            {
                break;
            }

            var content = part[(open + 1)..close].Trim();
            if (when is null && SpeakerWords.LooksLikeWhen(content))
            {
                when = content;
                part = part[..open].TrimEnd() + (close + 1 < part.Length ? " " + part[(close + 1)..].TrimStart() : "");
                open = part.IndexOf('(', Math.Min(open, part.Length));
            }
            else
            {
                open = part.IndexOf('(', close + 1);
            }
        }

        part = part.Trim();
        if (part.Length == 0)
        {
            return (null, null, when);
        }

        var slash = part.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var name = part[..slash].Trim();
            var title = JoinParts(part[(slash + 1)..]);
            return (name.Length == 0 ? null : name, title.Length == 0 ? null : title, when);
        }

        var (speaker, leadingTitle) = SpeakerWords.SplitTitleAndName(part);
        return (speaker, leadingTitle, when);
    }

    private static string JoinParts(string rest)
    {
        if (!rest.Contains('/', StringComparison.Ordinal))
        {
            return rest.Trim();
        }

        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" / ", parts);
    }
}
