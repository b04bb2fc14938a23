using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Site;

/// <summary>
/// The queries behind the public pages. They read only the read model of what is published (never a working
/// version); what every page shares comes from the in-memory <see cref="SiteSnapshots"/>.
/// </summary>
public sealed class PublicPages(BulletinDbContext db, SiteSnapshots snapshots)
{
    public const string StylesheetPath = "/site-v1.css";

    public static Language EditionOf(HttpRequest request) => EditionOf(request.Path);

    /// <summary>The edition a path belongs to: the English one under /en, the Korean one everywhere else.</summary>
    public static Language EditionOf(PathString path) =>
        path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Korean;

    public Task<SiteSnapshot> SnapshotAsync(CancellationToken cancellationToken) => snapshots.GetAsync(cancellationToken);

    public async Task<IReadOnlyList<Section>> SectionsAsync(CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).Sections;

    public async Task<EditionSnapshot> EditionAsync(Language edition, CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).Edition(edition);

    /// <summary>
    /// A page of a section, newest first. The page's ids come from the index alone (section, edition, time, id),
    /// so a deep page skips index entries rather than rows; then only that page's teasers are read.
    /// </summary>
    public async Task<(List<StoryTeaser> Stories, int Total)> SectionPageAsync(
        Guid sectionId, Language edition, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.PublishedStories.AsNoTracking().Where(s => s.SectionId == sectionId && s.Language == edition);
        var total = (await snapshots.GetAsync(cancellationToken)).Count(sectionId, edition);
        var ids = await query.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        return (await TeasersAsync(ids, cancellationToken), total);
    }

    /// <summary>Teasers for these ids, newest first.</summary>
    public async Task<List<StoryTeaser>> TeasersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var teasers = await db.PublishedStories.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new StoryTeaser(s.Id, s.Language, s.Slug, s.Headline, s.PublishedAt))
            .ToListAsync(cancellationToken);
        return [.. teasers.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)];
    }

    /// <summary>The story at this address as readers see it: one indexed lookup.</summary>
    public Task<PublishedStory?> StoryAsync(Language edition, string slug, CancellationToken cancellationToken) =>
        db.PublishedStories.AsNoTracking().FirstOrDefaultAsync(s => s.Language == edition && s.Slug == slug, cancellationToken);

    /// <summary>
    /// Whether the story at this address was killed: its address then answers 410 Gone, not 404. Only the story's
    /// state is read (by its unique address), nothing it says.
    /// </summary>
    public Task<bool> IsKilledAsync(Language edition, string slug, CancellationToken cancellationToken) =>
        db.Stories.AnyAsync(s => s.Language == edition && s.Slug == slug && s.Status == StoryStatus.Killed, cancellationToken);

    /// <summary>The current breaking-news banner of an edition, if there is one.</summary>
    public async Task<Core.Curation.BreakingNews?> BreakingNewsAsync(Language edition, CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).Edition(edition).Banner;

    public async Task<Section?> SectionAsync(Guid? id, CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).Section(id);

    public async Task<Section?> SectionAsync(string slug, CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).Section(slug);
}
