using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

public sealed record MediaRenditionJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("crop")] string? Crop,
    [property: JsonPropertyName("bytes")] long Bytes);
