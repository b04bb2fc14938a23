using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>A block's budget against what its lines that count add up to, in seconds; overUnder is positive when over.</summary>
public sealed record RundownBlockResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("letter")] string Letter,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("budget")] int Budget,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("overUnder")] int OverUnder);
