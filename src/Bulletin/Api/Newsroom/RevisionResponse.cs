using System.Text.Json.Serialization;
using Bulletin.Publishing;

namespace Bulletin.Api.Newsroom;

/// <summary>One saved revision of a story, as the staff API lists them.</summary>
public sealed record RevisionResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("story")] StoryJson Story);
