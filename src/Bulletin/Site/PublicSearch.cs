using System.Globalization;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Publishing;
using Bulletin.Search;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Site;

/// <summary>
/// Search as readers use it: published stories only, each hit with its public address. The index answers the
/// query; the database confirms each hit is still published, so a story taken down a moment ago never shows.
/// </summary>
public sealed class PublicSearch(SearchIndexService index, BulletinDbContext db, SiteClock clock)
{
    public sealed record Hit(Guid Id, string Url, string Headline, string Snippet, DateTimeOffset? PublishedAt);

    public sealed record Results(int Total, IReadOnlyList<Hit> Hits, int Page, int PageSize);

    public async Task<Results> SearchAsync(string? text, Language? language, string? section, DateTimeOffset? from,
        DateTimeOffset? before, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 500);
        var found = index.Index.Search(new SearchQuery
        {
            Text = text,
            Audience = SearchAudience.Public,
            Language = language,
            SectionSlug = string.IsNullOrWhiteSpace(section) ? null : section,
            PublishedFrom = from,
            PublishedBefore = before,
            Page = page,
            PageSize = SearchQuery.DefaultPageSize,
        });
        var ids = found.Hits.Select(h => h.Id).ToList();
        var live = await db.PublishedStories.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Language, s.Slug })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var hits = found.Hits
            .Where(h => live.ContainsKey(h.Id))
            .Select(h => new Hit(h.Id, StoryPaths.Story(live[h.Id].Language, live[h.Id].Slug), h.Headline, h.Snippet, h.PublishedAt))
            .ToList();
        return new Results(found.Total - (found.Hits.Count - hits.Count), hits, page, SearchQuery.DefaultPageSize);
    }

    /// <summary>A day (2024-10-16, read in the site's zone) or an instant with its offset; null when empty or unreadable.</summary>
    public DateTimeOffset? ParseDay(string? value, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return clock.StartOf(endOfDay ? day.AddDays(1) : day);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
    }
}
