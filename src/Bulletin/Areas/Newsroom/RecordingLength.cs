using System.Globalization;
using Bulletin.Publishing;

namespace Bulletin.Areas.Newsroom;

/// <summary>A recording's length as the script editor writes and reads it: m:ss (1:30), h:mm:ss, or whole seconds.</summary>
public static class RecordingLength
{
    public static string Format(TimeSpan length) =>
        length.TotalHours >= 1
            ? length.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : $"{(int)length.TotalMinutes}:{length.Seconds:00}";

    /// <summary>The length typed, or null when it is not one (or is longer than any show).</summary>
    public static TimeSpan? Parse(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit) || p.Length > 5))
        {
            return null;
        }

        var seconds = parts.Aggregate(0L, (total, part) => (total * 60) + long.Parse(part, CultureInfo.InvariantCulture));
        // After the first, each part is under 60: 1:75 is a typo, not 2:15.
        if (parts.Skip(1).Any(p => int.Parse(p, CultureInfo.InvariantCulture) >= 60) || seconds > StoryJson.MaxRecordingSeconds)
        {
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
