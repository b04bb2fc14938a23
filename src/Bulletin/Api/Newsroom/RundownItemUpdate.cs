using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// Changes to one line; what is left out stays. <c>duration</c> (seconds) is the producer's own time for the line;
/// <c>timedByScript: true</c> gives a story its script's time back. <c>state</c>: not-ready, ready or approved.
/// <c>hardStart</c> sets the time the line must start, <c>clearHardStart: true</c> takes it away. <c>presenter</c> names
/// who reads the line (one of the roster, at their rate), <c>readRate</c> a rate of its own (or the presenter's rate
/// for this line); <c>presenter: ""</c> without a rate reads it at the show's rate again.
/// </summary>
public sealed record RundownItemUpdate(
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("duration")] int? Duration,
    [property: JsonPropertyName("timedByScript")] bool? TimedByScript,
    [property: JsonPropertyName("hardStart")] DateTimeOffset? HardStart,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("clearHardStart")] bool? ClearHardStart = null,
    [property: JsonPropertyName("presenter")] string? Presenter = null,
    [property: JsonPropertyName("readRate")] ReadRateJson? ReadRate = null);
