using System.Globalization;

namespace Bulletin.Broadcast.Mos;

/// <summary>MOS's value formats: times in ISO 8601, durations as HH:MM:SS, object durations in frames.</summary>
public static class MosValues
{
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds as HH:MM:SS; a show longer than a day keeps counting hours.</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = (long)Math.Max(0, Math.Floor(duration.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    /// <summary>Reads HH:MM:SS and the one-digit hours some peers write (0:28:30); null when it is not a duration.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        var parts = text?.Trim().Split(':');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59
            || !double.TryParse(parts[2].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) || s >= 60)
        {
            return null;
        }

        return TimeSpan.FromHours(h) + TimeSpan.FromMinutes(m) + TimeSpan.FromSeconds(s);
    }

    /// <summary>Reads a MOS time, with or without milliseconds (",000Z") or a zone; a time without one is UTC.</summary>
    public static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normal = text.Trim().Replace(',', '.');
        return DateTimeOffset.TryParse(normal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
    }

    /// <summary>An object's duration: frames at its time base (objDur at objTB per second).</summary>
    public static TimeSpan? FromFrames(long frames, double timeBase) =>
        timeBase > 0 ? TimeSpan.FromSeconds(frames / timeBase) : null;
}
