using System.Globalization;
using System.Text;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// The page's time line: "2024.10.16 오전 09:08", "2025.02.28. 오후 10:03.", "2024.11.11. PM 12:07",
/// optionally labelled as first published ("입력", "Posted") or last changed ("수정", "Updated").
/// Pages give Korea time without saying so; the offset is always +09:00.
/// </summary>
internal static class PageTime
{
    public static readonly TimeSpan KoreaOffset = TimeSpan.FromHours(9);

    private enum Label { None, Published, Updated }

    private static readonly HashSet<string> PublishedLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "입력", "기사입력", "등록", "작성", "송고", "승인", "posted", "published", "input", "created", "date",
    };

    private static readonly HashSet<string> UpdatedLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "수정", "최종수정", "업데이트", "updated", "modified", "edited", "revised", "update",
    };

    // Words that may stand beside a label ("Last updated", "최종 수정") without making the line story text.
    private static readonly HashSet<string> LabelFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "최종", "on", "at", "kst",
    };

    /// <summary>
    /// True when the whole line is a time line. Sets <paramref name="published"/> and <paramref name="updated"/>
    /// where the line gives them, leaving values from an earlier time line alone.
    /// </summary>
    public static bool TryReadLine(string line, ref DateTimeOffset? published, ref DateTimeOffset? updated)
    {
        if (line.Length < 8 || line.Length > 120)
        {
            return false;
        }

        var stamps = new List<(Label Label, DateTimeOffset Time)>(2);
        var label = Label.None;
        int? year = null, month = null, day = null, hour = null, minute = null, second = null;
        bool? pm = null;

        foreach (var range in line.AsSpan().Split(' '))
        {
            var token = line.AsSpan(range).Trim(" \t:|,·()[]");
            if (token.IsEmpty)
            {
                continue;
            }

            if (TryDate(token, out var y, out var m, out var d))
            {
                if (!Flush())
                {
                    return false;
                }

                (year, month, day) = (y, m, d);
                continue;
            }

            if (TryMeridiem(token, out var isPm))
            {
                if (year is null || pm is not null)
                {
                    return false;
                }

                pm = isPm;
                continue;
            }

            if (TryClock(token, out var h, out var min, out var s, out var trailingPm))
            {
                if (year is null || hour is not null)
                {
                    return false;
                }

                (hour, minute, second) = (h, min, s);
                if (trailingPm is not null)
                {
                    if (pm is not null)
                    {
                        return false;
                    }

                    pm = trailingPm;
                }

                continue;
            }

            var word = token.TrimEnd('.').ToString();
            if (PublishedLabels.Contains(word) || UpdatedLabels.Contains(word))
            {
                if (!Flush())
                {
                    return false;
                }

                label = UpdatedLabels.Contains(word) ? Label.Updated : Label.Published;
                continue;
            }

            if (LabelFillers.Contains(word))
            {
                continue;
            }

            return false;
        }

        if (!Flush() || stamps.Count == 0)
        {
            return false;
        }

        foreach (var (stampLabel, time) in stamps)
        {
            switch (stampLabel)
            {
                case Label.Updated:
                    updated = time;
                    break;
                case Label.Published:
                    published = time;
                    break;
                default:
                    if (published is null)
                    {
                        published = time;
                    }
                    else
                    {
                        updated = time;
                    }

                    break;
            }
        }

        return true;

        bool Flush()
        {
            if (year is null)
            {
                return pm is null && hour is null;
            }

            var h = hour ?? 0;
            if (pm is { } isPm)
            {
                // Korean sites write just after midnight as "오전 00:15" as often as "오전 12:15", noon as "오후 12:30",
                // and some put 오후 before a 24-hour time ("오후 13:30").
                if (isPm ? h is < 0 or > 23 : h is < 0 or > 12)
                {
                    return false;
                }

                h = isPm ? (h < 12 ? h + 12 : h) : (h == 12 ? 0 : h);
            }
            else if (h > 23)
            {
                return false;
            }

            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month!.Value)
                || minute is < 0 or > 59 || second is < 0 or > 59)
            {
                return false;
            }

            stamps.Add((label, new DateTimeOffset(year.Value, month.Value, day!.Value, h, minute ?? 0, second ?? 0, KoreaOffset)));
            label = Label.None;
            year = month = day = hour = minute = second = null;
            pm = null;
            return true;
        }
    }

    /// <summary>The channel's form of a time, in Korea time: "2024.10.16. 오전 09:08" or "2024.10.16. AM 09:08".</summary>
    public static string Format(DateTimeOffset time, bool korean)
    {
        var local = time.ToOffset(KoreaOffset);
        var hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var meridiem = local.Hour < 12 ? (korean ? "오전" : "AM") : (korean ? "오후" : "PM");
        var builder = new StringBuilder(24);
        builder.Append(local.ToString("yyyy.MM.dd.", CultureInfo.InvariantCulture))
            .Append(' ').Append(meridiem).Append(' ')
            .Append(hour12.ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append(local.Minute.ToString("00", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    public static string PublishedLabel(bool korean) => korean ? "입력" : "Posted";

    public static string UpdatedLabel(bool korean) => korean ? "수정" : "Updated";

    // 2024.10.16 / 2024.10.16. / 2024-10-16 / 2024/10/16
    private static bool TryDate(ReadOnlySpan<char> token, out int year, out int month, out int day)
    {
        year = month = day = 0;
        token = token.TrimEnd('.');
        if (token.Length < 8 || token.Length > 10 || !char.IsAsciiDigit(token[0]))
        {
            return false;
        }

        var separator = token[4];
        if (separator is not ('.' or '-' or '/'))
        {
            return false;
        }

        var rest = token[5..];
        var second = rest.IndexOf(separator);
        return second > 0
            && TryNumber(token[..4], 4, out year)
            && TryNumber(rest[..second], 2, out month)
            && TryNumber(rest[(second + 1)..], 2, out day);
    }

    // 09:08 / 9:08. / 09:08:30 / 09:08PM
    private static bool TryClock(ReadOnlySpan<char> token, out int hour, out int minute, out int? second, out bool? pm)
    {
        hour = minute = 0;
        second = null;
        pm = null;
        token = token.TrimEnd('.');
        if (token.Length > 2 && TryMeridiem(token[^2..], out var isPm) && char.IsAsciiDigit(token[^3]))
        {
            pm = isPm;
            token = token[..^2];
        }

        var colon = token.IndexOf(':');
        if (colon is < 1 or > 2)
        {
            return false;
        }

        var afterHour = token[(colon + 1)..];
        var secondColon = afterHour.IndexOf(':');
        if (secondColon >= 0)
        {
            if (!TryNumber(afterHour[(secondColon + 1)..], 2, out var s))
            {
                return false;
            }

            second = s;
            afterHour = afterHour[..secondColon];
        }

        return TryNumber(token[..colon], 2, out hour) && afterHour.Length == 2 && TryNumber(afterHour, 2, out minute);
    }

    private static bool TryMeridiem(ReadOnlySpan<char> token, out bool pm)
    {
        pm = false;
        token = token.TrimEnd('.');
        if (token is "오전" || token.Equals("AM", StringComparison.OrdinalIgnoreCase) || token.Equals("a.m", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        pm = true;
        return token is "오후" || token.Equals("PM", StringComparison.OrdinalIgnoreCase) || token.Equals("p.m", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, int maxLength, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > maxLength)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
