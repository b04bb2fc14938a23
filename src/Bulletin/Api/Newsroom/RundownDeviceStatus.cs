using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>What a studio device last said of a line over MOS (roElementStat): PLAY, STOP, READY, ERROR...</summary>
public sealed record RundownDeviceStatus(
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("at")] string? At);
