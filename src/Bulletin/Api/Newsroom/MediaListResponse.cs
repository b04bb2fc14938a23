using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary><c>next</c> is the <c>before</c> of the following page (null on the last one).</summary>
public sealed record MediaListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<MediaResponse> Items,
    [property: JsonPropertyName("next")] string? Next);
