using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>Where a line goes: its place in the running order counting from 0, floated lines included.</summary>
public sealed record RundownMoveRequest(
    [property: JsonPropertyName("position")] int? Position,
    [property: JsonPropertyName("version")] int? Version);
