using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>PUT's body: every field as it should now be (one left out is emptied), and optionally a new focal point.</summary>
public sealed record MediaUpdateRequest(
    [property: JsonPropertyName("caption")] string? Caption,
    [property: JsonPropertyName("credit")] string? Credit,
    [property: JsonPropertyName("alt")] string? Alt,
    [property: JsonPropertyName("rights")] string? Rights,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("focalPoint")] MediaFocalPointJson? FocalPoint);
