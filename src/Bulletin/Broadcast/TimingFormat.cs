using System.Globalization;

namespace Bulletin.Broadcast;

/// <summary>How the floor reads times: durations as m:ss (h:mm:ss past an hour), clock times as HH:mm:ss in the site's zone.</summary>
public static class TimingFormat
{
    public static string Duration(TimeSpan t)
    {
        var seconds = (long)Math.Abs(Math.Floor(t.TotalSeconds));
        var text = seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
        return t < TimeSpan.Zero ? "-" + text : text;
    }

    /// <summary>Over/under with its sign: +0:30 runs over, -0:30 runs under, 0:00 is on time.</summary>
    public static string OverUnder(TimeSpan t) => t > TimeSpan.Zero ? "+" + Duration(t) : Duration(t);

    public static string Clock(DateTimeOffset local) => local.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A duration typed by a person: m:ss, h:mm:ss or whole seconds; null when unreadable or over a day.</summary>
    public static TimeSpan? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var parts = typed.Trim().Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit) || p.Length > 5))
        {
            return null;
        }

        long seconds = 0;
        foreach (var part in parts)
        {
            seconds = seconds * 60 + long.Parse(part, CultureInfo.InvariantCulture);
        }

        return parts.Skip(1).Any(p => int.Parse(p, CultureInfo.InvariantCulture) >= 60) || seconds > 86_400
            ? null
            : TimeSpan.FromSeconds(seconds);
    }
}
