using System.Text.Json.Serialization;
using Bulletin.Publishing;

namespace Bulletin.Api.Public;

/// <summary>One page of a story list, newest first, with the address of the next page when there is one.</summary>
public sealed record StoryPageJson(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("stories")] IReadOnlyList<StoryJson> Stories,
    [property: JsonPropertyName("next")] string? Next);
