using System.Globalization;
using Bulletin.Core.Stories;
using Microsoft.Extensions.Options;

namespace Bulletin.Site;

/// <summary>Shows instants in the site's zone, the way the channel writes them in each language.</summary>
public sealed class SiteClock
{
    private readonly TimeZoneInfo _zone;
    private readonly string _abbreviation;

    public SiteClock(IOptions<SiteOptions> options)
        : this(options.Value)
    {
    }

    public SiteClock(SiteOptions options)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _abbreviation = options.TimeZoneAbbreviation;
    }

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

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
