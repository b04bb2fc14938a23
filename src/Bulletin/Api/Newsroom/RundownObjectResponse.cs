using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A studio object on a line: the device that offers it, its objID and slug, its duration in seconds (null for a
/// still), and what each device last said of it as an item (roElementStat). It does not time the line.
/// </summary>
public sealed record RundownObjectResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("objID")] string ObjectId,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("duration")] double? Duration,
    [property: JsonPropertyName("studio")] IReadOnlyList<RundownDeviceStatus> Studio);
