using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A block added at the end of a rundown: its <c>name</c> (its letter when blank) and the <c>budget</c> in seconds the
/// producer gives it. Lines join it with <c>blockId</c> when they are added.
/// </summary>
public sealed record RundownBlockRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("budget")] int? Budget,
    [property: JsonPropertyName("version")] int? Version);
