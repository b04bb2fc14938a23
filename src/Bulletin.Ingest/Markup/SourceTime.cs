using System.Globalization;
using System.Text.RegularExpressions;

namespace Bulletin.Ingest.Markup;

/// <summary>
/// Times as sources write them: ISO 8601 / RFC 3339 (ninjs, NewsML-G2, Atom, JSON Feed, WXR's GMT dates) and
/// RFC 822 (RSS), including the named North American zones and the two-digit years RSS feeds still carry. A time
/// with no zone is read as UTC and said so by the caller's warning, never guessed from this machine's zone.
/// </summary>
public static partial class SourceTime
{
    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["KST"] = TimeSpan.FromHours(9), ["JST"] = TimeSpan.FromHours(9),
    };

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (char.IsAsciiDigit(text[0]) && text.Length >= 10 && text[4] == '-')
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var iso)
                ? iso
                : null;
        }

        return Rfc822(text);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var match = Rfc822Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var months = "janfebmaraprmayjunjulaugsepoctnovdec";
        var month = months.IndexOf(match.Groups["month"].Value[..3].ToLowerInvariant(), StringComparison.Ordinal);
        if (month < 0 || month % 3 != 0)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var zone = match.Groups["zone"].Value;
        TimeSpan offset;
        if (zone.Length == 0)
        {
            offset = TimeSpan.Zero;
        }
        else if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length != 4)
            {
                return null;
            }

            offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
            offset = zone[0] == '-' ? -offset : offset;
        }
        else if (!Zones.TryGetValue(zone, out offset))
        {
            return null;
        }

        var seconds = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return new DateTimeOffset(year, month / 3 + 1, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture),
                Math.Min(seconds, 59), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,})\s+(?<year>\d{2,4})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();
}
