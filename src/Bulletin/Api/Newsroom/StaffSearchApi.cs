using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Publishing;
using Bulletin.Search;
using Bulletin.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Api.Newsroom;

/// <summary>GET /api/newsroom/search: the same index as the public search, with drafts and every state included.</summary>
public static class StaffSearchApi
{
    public sealed record StaffSearchResponse(int Total, IReadOnlyList<StaffSearchHit> Hits);

    public sealed record StaffSearchHit(Guid Id, string Headline, string Snippet, string Status, string? PublishedAt);

    public static async Task<Ok<StaffSearchResponse>> SearchAsync(
        [FromQuery] string? q, [FromQuery] int? page, SearchIndexService index, BulletinDbContext db, SiteClock clock,
        CancellationToken cancellationToken)
    {
        var found = index.Index.Search(new SearchQuery
        {
            Text = q,
            Audience = SearchAudience.Staff,
            Page = Math.Clamp(page ?? 1, 1, 500),
        });
        var ids = found.Hits.Select(h => h.Id).ToList();
        var states = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Status, cancellationToken);
        var hits = found.Hits.Where(h => states.ContainsKey(h.Id))
            .Select(h => new StaffSearchHit(h.Id, h.Headline, h.Snippet, states[h.Id].ToCode(),
                h.PublishedAt is { } at ? clock.Iso(at) : null))
            .ToList();
        return TypedResults.Ok(new StaffSearchResponse(found.Total - (found.Hits.Count - hits.Count), hits));
    }
}
