using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A new rundown, or the show's name, times and read rate changed (PUT with If-Match). Times are ISO 8601 with an
/// offset. <c>presenter</c> names one of the roster (Presenters), whose read rate the show takes; <c>readRate</c> is the
/// show's own, alone or as the presenter's rate in this show.
/// </summary>
public sealed record RundownRequest(
    [property: JsonPropertyName("show")] string? Show,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("start")] DateTimeOffset? Start,
    [property: JsonPropertyName("hardOut")] DateTimeOffset? HardOut,
    [property: JsonPropertyName("airDate")] DateOnly? AirDate = null,
    [property: JsonPropertyName("presenter")] string? Presenter = null,
    [property: JsonPropertyName("readRate")] ReadRateJson? ReadRate = null);
