using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// Changes to one line; what is left out stays. <c>duration</c> (seconds) is the producer's own time for the line;
/// <c>timedByScript: true</c> gives a story its script's time back. <c>state</c>: not-ready, ready or approved.
/// </summary>
public sealed record RundownItemUpdate(
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("duration")] int? Duration,
    [property: JsonPropertyName("timedByScript")] bool? TimedByScript,
    [property: JsonPropertyName("hardStart")] DateTimeOffset? HardStart,
    [property: JsonPropertyName("state")] string? State);
