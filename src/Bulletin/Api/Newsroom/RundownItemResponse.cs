using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// One line of a rundown with its timing: durations in whole seconds, front and back time ISO 8601 (null while
/// floated: a floated line leaves the timing). A story line shows its story's headline and workflow state, and every
/// line what the studio's MOS devices last said of it. <c>presenter</c> and <c>readRate</c> are the line's own (null:
/// the show's); <c>objects</c> the studio objects attached to it, which go to the devices as its MOS items.
/// </summary>
public sealed record RundownItemResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("storyId")] Guid? StoryId,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("page")] string Page,
    [property: JsonPropertyName("block")] string Block,
    [property: JsonPropertyName("blockId")] Guid BlockId,
    [property: JsonPropertyName("duration")] int Duration,
    [property: JsonPropertyName("textTime")] int TextTime,
    [property: JsonPropertyName("mediaTime")] int MediaTime,
    [property: JsonPropertyName("plannedDuration")] int? PlannedDuration,
    [property: JsonPropertyName("floated")] bool Floated,
    [property: JsonPropertyName("frontTime")] string? FrontTime,
    [property: JsonPropertyName("backTime")] string? BackTime,
    [property: JsonPropertyName("cume")] int? Cume,
    [property: JsonPropertyName("hardStart")] string? HardStart,
    [property: JsonPropertyName("hardStartOff")] int? HardStartOff,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("storyHeadline")] string? StoryHeadline,
    [property: JsonPropertyName("storyState")] string? StoryState,
    [property: JsonPropertyName("onAir")] bool OnAir,
    [property: JsonPropertyName("aired")] bool Aired,
    [property: JsonPropertyName("takenAt")] string? TakenAt,
    [property: JsonPropertyName("studio")] IReadOnlyList<RundownDeviceStatus> Studio,
    [property: JsonPropertyName("presenter")] string? Presenter,
    [property: JsonPropertyName("readRate")] ReadRateJson? ReadRate,
    [property: JsonPropertyName("objects")] IReadOnlyList<RundownObjectResponse> Objects);
