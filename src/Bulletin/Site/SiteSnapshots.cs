using Bulletin.Core.Stories;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Site;

/// <summary>
/// Builds what every public page shares once per change, not once per request. The outbox processor calls
/// <see cref="Invalidate"/> for every public change, on this node and (through the shared outbox) on others;
/// a pick or a banner that expires on its own ends the snapshot at that moment, and none lives longer than
/// <see cref="MaxAge"/>, so a change nobody announced is still seen.
/// </summary>
public sealed class SiteSnapshots(IServiceScopeFactory scopes, TimeProvider time, IOptions<SiteOptions> site)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Stories a story page's "latest" aside shows.</summary>
    public const int AsideCount = 10;

    private const int PickCount = 10;

    private readonly Lock _lock = new();
    private Task<SiteSnapshot>? _current;

    public async Task<SiteSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is { IsCompletedSuccessfully: true } && current.Result.ValidUntil > time.GetUtcNow())
        {
            return current.Result;
        }

        lock (_lock)
        {
            // One build at a time: requests that arrive while it runs wait for it instead of starting their own.
            var held = _current;
            if (held is null || (held.IsCompleted && !(held.IsCompletedSuccessfully && held.Result.ValidUntil > time.GetUtcNow())))
            {
                _current = held = BuildAsync();
            }

            current = held;
        }

        return await current.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the snapshot; the next page builds a new one from the database.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _current = null;
        }
    }

    private async Task<SiteSnapshot> BuildAsync()
    {
        // Not the request's token: other requests wait on this build too.
        var cancellationToken = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var now = time.GetUtcNow();
        var validUntil = now + MaxAge;

        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Slug).ToListAsync(cancellationToken);
        var picks = await db.EditorsPicks.AsNoTracking()
            .Where(p => p.ExpiresAt == null || p.ExpiresAt > now)
            .OrderBy(p => p.Position)
            .Take(PickCount * 4)
            .ToListAsync(cancellationToken);
        foreach (var expiry in picks.Select(p => p.ExpiresAt).OfType<DateTimeOffset>())
        {
            validUntil = Min(validUntil, expiry);
        }

        var editions = new Dictionary<Language, EditionSnapshot>();
        foreach (var edition in new[] { Language.Korean, Language.English })
        {
            // The home page lists a page of stories besides its top story.
            var latestCount = Math.Max(site.Value.PageSize, AsideCount) + 1;
            var latest = await db.PublishedStories.AsNoTracking()
                .Where(s => s.Language == edition)
                .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
                .Take(latestCount)
                .Select(s => new StoryTeaser(s.Id, s.Language, s.Slug, s.Headline, s.PublishedAt))
                .ToListAsync(cancellationToken);
            var pickIds = picks.Select(p => p.StoryId).ToList();
            var picked = pickIds.Count == 0 ? [] : await db.PublishedStories.AsNoTracking()
                .Where(s => pickIds.Contains(s.Id) && s.Language == edition)
                .Select(s => new StoryTeaser(s.Id, s.Language, s.Slug, s.Headline, s.PublishedAt))
                .ToListAsync(cancellationToken);
            var pickList = pickIds.Select(id => picked.Find(s => s.Id == id)).OfType<StoryTeaser>().Take(PickCount).ToList();

            // The top story is the editors' first pick; without picks, the newest story.
            var topId = pickList.Count > 0 ? pickList[0].Id : latest.FirstOrDefault()?.Id;
            var top = topId is { } id
                ? await db.PublishedStories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                : null;
            var banner = await db.BreakingNews.AsNoTracking()
                .Where(b => b.Language == edition && (b.ExpiresAt == null || b.ExpiresAt > now))
                .OrderByDescending(b => b.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (banner?.ExpiresAt is { } bannerExpiry)
            {
                validUntil = Min(validUntil, bannerExpiry);
            }

            editions[edition] = new EditionSnapshot(latest, pickList, top, banner);
        }

        // One pass over the (section, edition, time) index per change, instead of one per list page asked for.
        var counts = (await db.PublishedStories.AsNoTracking()
                .GroupBy(s => new { s.SectionId, s.Language })
                .Select(g => new { g.Key.SectionId, g.Key.Language, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.SectionId, c.Language), c => c.Count);

        return new SiteSnapshot(sections, editions[Language.Korean], editions[Language.English], validUntil, counts);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
