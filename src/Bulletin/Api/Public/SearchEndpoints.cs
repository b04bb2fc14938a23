using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bulletin.Api.Public;

/// <summary>GET /api/public/search: the public search as JSON (mapped with the rest of the public API).</summary>
public static class SearchEndpoints
{
    public sealed record SearchResponse(int Total, IReadOnlyList<SearchHitResponse> Hits);

    public sealed record SearchHitResponse(Guid Id, string Url, string Headline, string Snippet, string? PublishedAt);

    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        PublicSearch search, SiteClock clock,
        [FromQuery] string? q, [FromQuery] string? section, [FromQuery] string? from, [FromQuery] string? to,
        [FromQuery] string? language, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        Language? edition = null;
        if (!string.IsNullOrEmpty(language))
        {
            if (!LanguageCodes.TryParse(language, out var parsed))
            {
                return TypedResults.Problem($"'{language}' is not a language of this site: use ko or en.", statusCode: StatusCodes.Status400BadRequest);
            }

            edition = parsed;
        }

        var start = search.ParseDay(from, endOfDay: false);
        var end = search.ParseDay(to, endOfDay: true);
        if ((from is { Length: > 0 } && start is null) || (to is { Length: > 0 } && end is null))
        {
            return TypedResults.Problem("from and to are days (2024-10-16) or ISO 8601 times with an offset.", statusCode: StatusCodes.Status400BadRequest);
        }

        var results = await search.SearchAsync(q, edition, section, start, end, page ?? 1, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total,
            [.. results.Hits.Select(h => new SearchHitResponse(h.Id, h.Url, h.Headline, h.Snippet, h.PublishedAt is { } at ? clock.Iso(at) : null))]));
    }
}
