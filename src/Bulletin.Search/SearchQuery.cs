using Bulletin.Core.Stories;

namespace Bulletin.Search;

/// <summary>
/// A search as a reader or an editor types it. Every word of <see cref="Text"/> must be found somewhere in the
/// story; an empty text lists every story that passes the filters. Filters left null do not filter.
/// </summary>
public sealed record SearchQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public string? Text { get; init; }
    public SearchAudience Audience { get; init; } = SearchAudience.Public;
    public string? SectionSlug { get; init; }
    public Language? Language { get; init; }
    public string? Tag { get; init; }
    public string? Byline { get; init; }

    /// <summary>Stories published at or after this instant.</summary>
    public DateTimeOffset? PublishedFrom { get; init; }

    /// <summary>Stories published strictly before this instant, so consecutive ranges never overlap.</summary>
    public DateTimeOffset? PublishedBefore { get; init; }

    public SearchOrder Order { get; init; } = SearchOrder.Relevance;

    /// <summary>1-based; values below 1 are read as 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Clamped to 1..<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}
