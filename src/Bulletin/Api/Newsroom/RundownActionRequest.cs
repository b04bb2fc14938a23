using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>The body of a rundown action: <c>next</c> names the line (<c>itemId</c>); the others need none.</summary>
public sealed record RundownActionRequest(
    [property: JsonPropertyName("itemId")] Guid? ItemId,
    [property: JsonPropertyName("version")] int? Version);
