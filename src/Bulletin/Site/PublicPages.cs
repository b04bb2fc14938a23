using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Site;

/// <summary>The queries behind the public pages. Only published stories are ever returned.</summary>
public sealed class PublicPages(BulletinDbContext db, TimeProvider time)
{
    public const string StylesheetPath = "/site-v1.css";

    public static Language EditionOf(HttpRequest request) =>
        request.Path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Korean;

    public Task<List<Section>> SectionsAsync(CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Slug).ToListAsync(cancellationToken);

    public async Task<List<Story>> LatestAsync(Language edition, int count, CancellationToken cancellationToken) =>
        Live(await Published(edition).OrderByDescending(s => s.PublishedAt).Take(count).ToListAsync(cancellationToken));

    public async Task<List<Story>> PicksAsync(Language edition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var picks = await db.EditorsPicks.AsNoTracking()
            .Where(p => p.ExpiresAt == null || p.ExpiresAt > now)
            .OrderBy(p => p.Position)
            .Join(Published(edition), p => p.StoryId, s => s.Id, (p, s) => s)
            .Take(10)
            .ToListAsync(cancellationToken);
        return Live(picks);
    }

    public async Task<(List<Story> Stories, int Total)> SectionPageAsync(
        Guid sectionId, Language edition, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Published(edition).Where(s => s.SectionId == sectionId);
        var total = await query.CountAsync(cancellationToken);
        var stories = await query.OrderByDescending(s => s.PublishedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (Live(stories), total);
    }

    public async Task<Story?> StoryAsync(Language edition, string slug, CancellationToken cancellationToken) =>
        (await Published(edition).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken))?.LiveView();

    /// <summary>Whether the story at this address was killed: its address then answers 410 Gone, not 404.</summary>
    public Task<bool> IsKilledAsync(Language edition, string slug, CancellationToken cancellationToken) =>
        db.Stories.AnyAsync(s => s.Language == edition && s.Slug == slug && s.Status == StoryStatus.Killed, cancellationToken);

    /// <summary>The current breaking-news banner of an edition, if there is one.</summary>
    public Task<Core.Curation.BreakingNews?> BreakingNewsAsync(Language edition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.BreakingNews.AsNoTracking()
            .Where(b => b.Language == edition && (b.ExpiresAt == null || b.ExpiresAt > now))
            .OrderByDescending(b => b.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<Section?> SectionAsync(Guid? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<Section?>(null) : db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<Section?> SectionAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    /// <summary>Public pages show each story as it was last published, never its working version.</summary>
    private static List<Story> Live(List<Story> stories) => stories.ConvertAll(s => s.LiveView());

    private IQueryable<Story> Published(Language edition) =>
        db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published && s.Language == edition);
}
