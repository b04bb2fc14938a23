using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>The answer to adding a line: the new line's id and the rundown as it now stands.</summary>
public sealed record RundownItemAdded(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("rundown")] RundownResponse Rundown);
