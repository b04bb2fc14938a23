using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>The body of a schedule or correct action; other actions need none.</summary>
public sealed record StoryActionRequest(
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("version")] int? Version);
