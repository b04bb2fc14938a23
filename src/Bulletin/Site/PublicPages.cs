using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Site;

/// <summary>The queries behind the public pages. Only published stories are ever returned.</summary>
public sealed class PublicPages(BulletinDbContext db, TimeProvider time)
{
    public const string CachePolicy = "public-pages";
    public const string StylesheetPath = "/site-v1.css";

    public static Language EditionOf(HttpRequest request) =>
        request.Path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Korean;

    public Task<List<Section>> SectionsAsync(CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Slug).ToListAsync(cancellationToken);

    public Task<List<Story>> LatestAsync(Language edition, int count, CancellationToken cancellationToken) =>
        Published(edition).OrderByDescending(s => s.PublishedAt).Take(count).ToListAsync(cancellationToken);

    public async Task<List<Story>> PicksAsync(Language edition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var picks = await db.EditorsPicks.AsNoTracking()
            .Where(p => p.ExpiresAt == null || p.ExpiresAt > now)
            .OrderBy(p => p.Position)
            .Join(Published(edition), p => p.StoryId, s => s.Id, (p, s) => s)
            .Take(10)
            .ToListAsync(cancellationToken);
        return picks;
    }

    public async Task<(List<Story> Stories, int Total)> SectionPageAsync(
        Guid sectionId, Language edition, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Published(edition).Where(s => s.SectionId == sectionId);
        var total = await query.CountAsync(cancellationToken);
        var stories = await query.OrderByDescending(s => s.PublishedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return (stories, total);
    }

    public Task<Story?> StoryAsync(Language edition, string slug, CancellationToken cancellationToken) =>
        Published(edition).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public Task<Section?> SectionAsync(Guid? id, CancellationToken cancellationToken) =>
        id is null ? Task.FromResult<Section?>(null) : db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<Section?> SectionAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    private IQueryable<Story> Published(Language edition) =>
        db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published && s.Language == edition);
}
