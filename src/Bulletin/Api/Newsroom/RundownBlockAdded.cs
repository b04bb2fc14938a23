using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>The answer to adding a block: the new block's id and the rundown as it now stands.</summary>
public sealed record RundownBlockAdded(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("rundown")] RundownResponse Rundown);
