using System.Text.Json.Serialization;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Api.Newsroom;

/// <summary>A rundown in a list: the show, its times and where it stands, without its lines.</summary>
public sealed record RundownSummary(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("show")] string Show,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("airDate")] DateOnly AirDate,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("hardOut")] string HardOut,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("url")] string Url)
{
    public static RundownSummary From(Rundown rundown, SiteClock clock) => new(
        rundown.Id, rundown.Version, rundown.Show, rundown.Language.ToCode(), rundown.AirDate, clock.Iso(rundown.Start),
        clock.Iso(rundown.HardOut), RundownStatuses.Codes.Of(rundown.Status), $"/api/newsroom/rundowns/{rundown.Id}");
}
