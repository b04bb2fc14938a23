using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A line added to a rundown: a story (<c>storyId</c>; its slug is the headline unless given, its time is its script's),
/// or a break, live or other line with a <c>kind</c>, a <c>slug</c> and a <c>duration</c> in seconds. Without a
/// <c>position</c> (0 is the top of the show, placed as a move places it) it goes to the end of its block: the one
/// named by <c>blockId</c>, or the last.
/// </summary>
public sealed record RundownItemRequest(
    [property: JsonPropertyName("storyId")] Guid? StoryId,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("duration")] int? Duration,
    [property: JsonPropertyName("position")] int? Position,
    [property: JsonPropertyName("blockId")] Guid? BlockId,
    [property: JsonPropertyName("version")] int? Version);
