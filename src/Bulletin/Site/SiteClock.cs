using System.Globalization;
using Bulletin.Core.Stories;
using Microsoft.Extensions.Options;

namespace Bulletin.Site;

/// <summary>
/// The site's local time (Site:TimeZone), the one place a zone is looked up: what day it is, when a day starts,
/// the instant a time typed in a form means, and instants shown the way the channel writes them in each language.
/// Days everywhere (a tip's date, "published today", search by day) are the site's days, not UTC's.
/// </summary>
public sealed class SiteClock
{
    private readonly TimeZoneInfo _zone;
    private readonly string _abbreviation;
    private readonly TimeProvider _time;

    public SiteClock(IOptions<SiteOptions> options, TimeProvider time)
        : this(options.Value, time)
    {
    }

    public SiteClock(SiteOptions options, TimeProvider time)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _abbreviation = options.TimeZoneAbbreviation;
        _time = time;
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The site's day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The site's day now.</summary>
    public DateOnly Today() => DayOf(_time.GetUtcNow());

    /// <summary>This instant, from the host's clock (the one tests can set).</summary>
    public DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary>The instant a day of the site's begins.</summary>
    public DateTimeOffset StartOf(DateOnly day) => Instant(day.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset StartOfToday() => StartOf(Today());

    /// <summary>
    /// The instant a wall-clock time in the site's zone means (a time a person typed), in UTC: the form queries
    /// need, since PostgreSQL takes only offset 0 for a timestamptz parameter; Local and Display show it in the
    /// site's zone again. A time that falls in a daylight-saving gap takes the offset from before the change;
    /// Korea keeps no daylight saving.
    /// </summary>
    public DateTimeOffset Instant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>A time typed in a form (a datetime-local field: 2024-10-16T09:00) as an instant; null when unreadable.</summary>
    public DateTimeOffset? ParseLocal(string? typed) =>
        DateTime.TryParse(typed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? Instant(local) : null;

    /// <summary>ISO 8601 with the site's offset: 2024-10-16T09:08:00+09:00.</summary>
    public string Iso(DateTimeOffset instant) =>
        Local(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>"2024.10.16 오전 09:08" in Korean, "2024.10.16 09:08 KST" in English.</summary>
    public string Display(DateTimeOffset instant, Language language)
    {
        var local = Local(instant);
        var date = local.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
        if (language == Language.Korean)
        {
            var half = local.Hour < 12 ? "오전" : "오후";
            var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
            return $"{date} {half} {hour:00}:{local.Minute:00}";
        }

        return $"{date} {local:HH:mm} {_abbreviation}".TrimEnd();
    }
}
