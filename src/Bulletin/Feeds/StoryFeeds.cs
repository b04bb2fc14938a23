using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Feeds;

/// <summary>Finds what a feed covers and its newest published stories. Only published stories are ever returned.</summary>
public sealed class StoryFeeds(BulletinDbContext db, IOptions<SiteOptions> site, IOptions<FeedsOptions> options)
{
    private int ItemCount => options.Value.ItemCount;

    public FeedScope Site(Language edition) =>
        new(edition, site.Value.NameIn(edition), FeedPaths.Site(edition), StoryPaths.Home(edition));

    public async Task<FeedScope?> SectionAsync(Language edition, string slug, CancellationToken cancellationToken)
    {
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        return section is null
            ? null
            : new FeedScope(edition, $"{section.NameIn(edition)} | {site.Value.NameIn(edition)}",
                FeedPaths.Section(edition, section.Slug), StoryPaths.Section(edition, section.Slug), SectionId: section.Id);
    }

    public FeedScope? Tag(Language edition, string tag) =>
        string.IsNullOrWhiteSpace(tag) || tag.Length > 200
            ? null
            : new FeedScope(edition, $"#{tag} | {site.Value.NameIn(edition)}", FeedPaths.Tag(edition, tag), StoryPaths.Home(edition), Tag: tag);

    public async Task<List<Story>> StoriesAsync(FeedScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var published = Published(scope.Edition);
        if (scope.SectionId is { } sectionId)
        {
            published = published.Where(s => s.SectionId == sectionId);
        }

        if (scope.Tag is { } tag)
        {
            // Tags are a JSON text column (with Hangul \u-escaped), so they are matched here, over the edition's
            // newest stories: only ids and tags are read for the window, whole stories only for the matches.
            var window = await published.OrderByDescending(s => s.PublishedAt).Take(options.Value.TagWindow)
                .Select(s => new { s.Id, Tags = EF.Property<List<string>>(s, "_tags") })
                .ToListAsync(cancellationToken);
            var ids = window.Where(s => s.Tags.Contains(tag, StringComparer.Ordinal)).Select(s => s.Id).Take(ItemCount).ToList();
            published = published.Where(s => ids.Contains(s.Id));
        }

        // Feeds carry what the site shows: the last published version, not the one being edited.
        var stories = await published.OrderByDescending(s => s.PublishedAt).Take(ItemCount).ToListAsync(cancellationToken);
        return stories.ConvertAll(s => s.LiveView());
    }

    private IQueryable<Story> Published(Language edition) =>
        db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published && s.Language == edition);
}
