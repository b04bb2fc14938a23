using System.Globalization;

namespace Bulletin.Publishing;

/// <summary>
/// Orders a source's versions of one story: numbers as numbers (NewsML-G2 and ninjs count them), times as times
/// (feeds and exports date them), anything else only as the same or not.
/// </summary>
public static class SourceVersions
{
    /// <summary>
    /// Below zero when the incoming version is older than the stored one, zero when it is the same, above zero when
    /// it is newer or cannot be ordered (a different word, or no version on either side), so that it is applied.
    /// </summary>
    public static int Compare(string? incoming, string? stored)
    {
        if (incoming is null || stored is null)
        {
            return 1;
        }

        if (string.Equals(incoming, stored, StringComparison.Ordinal))
        {
            return 0;
        }

        if (long.TryParse(incoming, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)
            && long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b))
        {
            return a.CompareTo(b);
        }

        if (DateTimeOffset.TryParse(incoming, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            && DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u))
        {
            return t == u ? 0 : t < u ? -1 : 1;
        }

        return 1;
    }
}
