using Bulletin.Caching;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Media;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Feeds;

/// <summary>
/// RSS, Atom and JSON Feed for each edition, section and tag; the sitemap index, its sitemaps, the Google News
/// sitemap and robots.txt. All are kept by the page cache, which the outbox empties on every public change.
/// </summary>
public static class FeedEndpoints
{
    // Kept by the page cache under its all-pages tag, which the outbox evicts on every public change.
    private static readonly CachedPageAttribute CachedPage = new();

    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedsOptions>()
            .Bind(configuration.GetSection(FeedsOptions.SectionName))
            .Validate(o => o.ItemCount is > 0 and <= 500, "Feeds:ItemCount must be between 1 and 500.")
            .Validate(o => o.SitemapPageSize is > 0 and <= SitemapWriter.MaxUrls, "Feeds:SitemapPageSize must be between 1 and 50000.")
            .ValidateOnStart();
        services.AddScoped<StoryFeeds>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        foreach (var edition in new[] { Language.Korean, Language.English })
        {
            var prefix = StoryPaths.EditionPrefix(edition);
            foreach (var format in FeedFormat.All)
            {
                app.MapRead($"{prefix}/{format.FileName}", SiteFeedAsync).WithMetadata(format).WithMetadata(CachedPage);
                app.MapRead($"{prefix}/section/{{slug}}/{format.FileName}", SectionFeedAsync).WithMetadata(format).WithMetadata(CachedPage);
                app.MapRead($"{prefix}/tag/{{tag}}/{format.FileName}", TagFeedAsync).WithMetadata(format).WithMetadata(CachedPage);
            }
        }

        app.MapRead(FeedPaths.SitemapIndex, SitemapIndexAsync).WithMetadata(CachedPage);
        app.MapRead(FeedPaths.PagesSitemap, PagesSitemapAsync).WithMetadata(CachedPage);
        app.MapRead("/sitemaps/stories-{number:int}.xml", StoriesSitemapAsync).WithMetadata(CachedPage);
        app.MapRead(FeedPaths.NewsSitemap, NewsSitemapAsync).WithMetadata(CachedPage);
        app.MapRead("/robots.txt", Robots).WithMetadata(CachedPage);
        return app;
    }

    // Crawlers and feed readers check with HEAD as well as GET.
    private static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    private static Task<IResult> SiteFeedAsync(HttpContext context, StoryFeeds feeds, CancellationToken cancellationToken) =>
        FeedAsync(context, feeds, feeds.Site(PublicPages.EditionOf(context.Request)), cancellationToken);

    private static async Task<IResult> SectionFeedAsync(string slug, HttpContext context, StoryFeeds feeds, CancellationToken cancellationToken) =>
        await FeedAsync(context, feeds, await feeds.SectionAsync(PublicPages.EditionOf(context.Request), slug, cancellationToken), cancellationToken);

    private static Task<IResult> TagFeedAsync(string tag, HttpContext context, StoryFeeds feeds, CancellationToken cancellationToken) =>
        FeedAsync(context, feeds, feeds.Tag(PublicPages.EditionOf(context.Request), tag), cancellationToken);

    private static async Task<IResult> FeedAsync(HttpContext context, StoryFeeds feeds, FeedScope? scope, CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            return TypedResults.NotFound();
        }

        var format = context.GetEndpoint()?.Metadata.GetMetadata<FeedFormat>() ?? FeedFormat.Rss;
        var services = context.RequestServices;
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var rendering = new FeedRendering(scope, site.NameIn(scope.Edition), Root(context, site),
            services.GetRequiredService<SiteClock>(), services.GetRequiredService<TimeProvider>().GetUtcNow());
        var stories = await feeds.StoriesAsync(scope, cancellationToken);
        rendering = rendering with
        {
            Pictures = await services.GetRequiredService<MediaLibrary>().PicturesAsync(
                [.. stories.Select(s => s.LeadMediaId).OfType<Guid>().Distinct()], cancellationToken),
        };
        var body = format == FeedFormat.Json ? JsonFeedWriter.Write(rendering, stories) : SyndicationWriter.Write(rendering, stories, format);
        DateTimeOffset? lastModified = stories.Count > 0 ? stories.Max(FeedRendering.Modified) : null;
        return ConditionalGet.Bytes(context, body, format.ContentType + "; charset=utf-8", lastModified);
    }

    private static async Task<IResult> SitemapIndexAsync(HttpContext context, SiteSnapshots snapshots, IOptions<FeedsOptions> options,
        IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        var count = (await snapshots.GetAsync(cancellationToken)).Count();
        var pageSize = options.Value.SitemapPageSize;
        // An index may name 50,000 sitemaps: 2.5 billion stories, so no second index level is needed.
        var pages = Math.Min(SitemapWriter.MaxUrls - 1, Math.Max(1, (count + pageSize - 1) / pageSize));
        var root = Root(context, site.Value);
        var sitemaps = new List<string> { root + FeedPaths.PagesSitemap };
        sitemaps.AddRange(Enumerable.Range(1, pages).Select(n => root + FeedPaths.StoriesSitemap(n)));
        return ConditionalGet.Bytes(context, SitemapWriter.Index(sitemaps), "application/xml; charset=utf-8", null);
    }

    private static async Task<IResult> PagesSitemapAsync(HttpContext context, BulletinDbContext db, IOptions<SiteOptions> site,
        CancellationToken cancellationToken)
    {
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Slug).Select(s => s.Slug).ToListAsync(cancellationToken);
        var root = Root(context, site.Value);
        var urls = new List<(string, string?)>();
        foreach (var edition in new[] { Language.Korean, Language.English })
        {
            urls.Add((root + StoryPaths.Home(edition), null));
            urls.AddRange(sections.Select(slug => (root + StoryPaths.Section(edition, slug), (string?)null)));
        }

        return ConditionalGet.Bytes(context, SitemapWriter.Urls(urls), "application/xml; charset=utf-8", null);
    }

    private static async Task<IResult> StoriesSitemapAsync(int number, HttpContext context, BulletinDbContext db, IOptions<FeedsOptions> options,
        IOptions<SiteOptions> site, SiteClock clock, CancellationToken cancellationToken)
    {
        if (number < 1)
        {
            return TypedResults.NotFound();
        }

        // Oldest first, so a story keeps its place in the same file as newer ones are added after it.
        var pageSize = options.Value.SitemapPageSize;
        // lastmod is when readers' version last changed (a publish or a correction), never an unpublished save.
        var stories = await db.PublishedStories.AsNoTracking()
            .OrderBy(s => s.PublishedAt).ThenBy(s => s.Id)
            .Skip((number - 1) * pageSize).Take(pageSize)
            .Select(s => new { s.Language, s.Slug, s.UpdatedAt, s.PublishedAt })
            .ToListAsync(cancellationToken);
        if (stories.Count == 0 && number > 1)
        {
            return TypedResults.NotFound();
        }

        var root = Root(context, site.Value);
        var modified = stories.Select(s => s.PublishedAt > s.UpdatedAt ? s.PublishedAt : s.UpdatedAt).ToList();
        var urls = stories.Select((s, i) => (root + StoryPaths.Story(s.Language, s.Slug), (string?)clock.Iso(modified[i])));
        return ConditionalGet.Bytes(context, SitemapWriter.Urls(urls), "application/xml; charset=utf-8",
            modified.Count > 0 ? modified.Max() : null);
    }

    private static async Task<IResult> NewsSitemapAsync(HttpContext context, BulletinDbContext db, IOptions<SiteOptions> site,
        SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        // Google News reads stories of the last two days, at most 1,000 to a sitemap: the newest 1,000 are listed.
        var since = time.GetUtcNow().AddDays(-2);
        var stories = await db.PublishedStories.AsNoTracking()
            .Where(s => s.PublishedAt >= since)
            .OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Take(SitemapWriter.MaxNewsUrls)
            .Select(s => new { Teaser = new StoryTeaser(s.Id, s.Language, s.Slug, s.Headline, s.PublishedAt), s.LeadMediaId })
            .ToListAsync(cancellationToken);
        var root = Root(context, site.Value);
        var pictures = await context.RequestServices.GetRequiredService<MediaLibrary>().PicturesAsync(
            [.. stories.Select(s => s.LeadMediaId).OfType<Guid>().Distinct()], cancellationToken);
        var entries = stories.Select(s => new NewsSitemapEntry(root + StoryPaths.Story(s.Teaser), site.Value.NameIn(s.Teaser.Language),
            s.Teaser.Language.ToCode(), clock.Iso(s.Teaser.PublishedAt), s.Teaser.Headline,
            s.LeadMediaId is { } lead && pictures.GetValueOrDefault(lead) is { } picture ? root + picture.Src : null));
        return ConditionalGet.Bytes(context, SitemapWriter.News(entries), "application/xml; charset=utf-8", null);
    }

    private static IResult Robots(HttpContext context, IOptions<SiteOptions> site)
    {
        var root = Root(context, site.Value);
        var text = $"User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {root}{FeedPaths.SitemapIndex}\nSitemap: {root}{FeedPaths.NewsSitemap}\n";
        return ConditionalGet.Bytes(context, System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", null);
    }

    private static string Root(HttpContext context, SiteOptions site) => PageChrome.Absolute(context.Request, site, "");
}
