using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>An object a studio device offers (mosObj, mosListAll): what a line's <c>objects</c> can be given.</summary>
public sealed record StudioObjectResponse(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("objID")] string ObjectId,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("duration")] double? Duration,
    [property: JsonPropertyName("status")] string? Status);
