using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A studio object attached to a line: its <c>objID</c> as a device offered it (mosObj, mosListAll), and the
/// device's MOS id (<c>device</c>) when more than one device offers that objID.
/// </summary>
public sealed record RundownObjectRequest(
    [property: JsonPropertyName("objID")] string? ObjectId,
    [property: JsonPropertyName("device")] string? Device,
    [property: JsonPropertyName("version")] int? Version);
