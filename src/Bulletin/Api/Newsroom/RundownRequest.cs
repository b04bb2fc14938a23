using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>A new rundown, or the show's name and times changed (PUT with If-Match). Times are ISO 8601 with an offset.</summary>
public sealed record RundownRequest(
    [property: JsonPropertyName("show")] string? Show,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("start")] DateTimeOffset? Start,
    [property: JsonPropertyName("hardOut")] DateTimeOffset? HardOut,
    [property: JsonPropertyName("airDate")] DateOnly? AirDate = null);
