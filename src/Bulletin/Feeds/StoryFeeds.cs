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

    /// <summary>
    /// The feed's newest published stories, whole (a feed carries the script). Each is an index range of the read
    /// model read newest first and stopped at the feed's length; a tag is its own indexed rows.
    /// </summary>
    public async Task<List<PublishedStory>> StoriesAsync(FeedScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var published = db.PublishedStories.AsNoTracking().Where(s => s.Language == scope.Edition);
        if (scope.SectionId is { } sectionId)
        {
            published = published.Where(s => s.SectionId == sectionId);
        }

        if (scope.Tag is { } tag)
        {
            var ids = await db.PublishedStoryTags.AsNoTracking()
                .Where(t => t.Tag == tag && t.Language == scope.Edition)
                .OrderByDescending(t => t.PublishedAt).ThenByDescending(t => t.StoryId)
                .Take(ItemCount)
                .Select(t => t.StoryId)
                .ToListAsync(cancellationToken);
            published = db.PublishedStories.AsNoTracking().Where(s => ids.Contains(s.Id));
        }

        return await published.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).Take(ItemCount).ToListAsync(cancellationToken);
    }
}
