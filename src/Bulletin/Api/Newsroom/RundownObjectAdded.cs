using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>The answer to attaching an object: the attachment's id (its MOS itemID) and the rundown as it now stands.</summary>
public sealed record RundownObjectAdded(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("rundown")] RundownResponse Rundown);
