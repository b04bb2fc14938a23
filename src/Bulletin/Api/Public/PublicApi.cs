using System.Text.Json.Nodes;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Feeds;
using Bulletin.Hosting;
using Bulletin.Publishing;
using Bulletin.Media;
using Bulletin.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Api.Public;

/// <summary>
/// The read-only public API under /api/public: published stories as JSON and as ninjs. No key; any origin may
/// read it; each client address is rate-limited; answers may be cached by anyone for a minute.
/// </summary>
public static class PublicApi
{
    public const string Prefix = "/api/public";
    public const string CorsPolicy = "public-read";
    public const string RateLimitPolicy = "public-api";
    public const string CacheControl = "public, max-age=60";

    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddPublicApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicApiOptions>()
            .Bind(configuration.GetSection(PublicApiOptions.SectionName))
            .Validate(o => o.RequestsPerMinute > 0, "PublicApi:RequestsPerMinute must be above 0.")
            .ValidateOnStart();
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head)));
        services.AddRateLimitPolicy(RateLimitPolicy, context =>
            (context.RequestServices.GetRequiredService<IOptions<PublicApiOptions>>().Value.RequestsPerMinute, TimeSpan.FromMinutes(1)));
        return services;
    }

    public static WebApplication MapPublicApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix)
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(SetCacheHeadersAsync);
        api.MapMethods("/stories", Read, LatestAsync);
        api.MapMethods("/stories/{id:guid}", Read, StoryAsync);
        api.MapMethods("/stories/{id:guid}/ninjs", Read, NinjsAsync);
        api.MapMethods("/stories/{id:guid}/newsml", Read, NewsMlAsync);
        api.MapMethods("/sections/{slug}/stories", Read, SectionStoriesAsync);
        api.MapMethods("/search", Read, SearchEndpoints.SearchAsync);
        return app;
    }

    public static async Task<Results<Ok<StoryPageJson>, ValidationProblem>> LatestAsync(
        string? language, int? page, HttpContext context, BulletinDbContext db, SiteSnapshots snapshots, SiteClock clock,
        IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        if (Invalid(language, page) is { } problem)
        {
            return problem;
        }

        var stories = db.PublishedStories.AsNoTracking();
        return TypedResults.Ok(await PageAsync(db, snapshots, stories, null, language, page ?? 1, context, clock, site.Value, cancellationToken));
    }

    public static async Task<Results<Ok<StoryPageJson>, ValidationProblem, NotFound>> SectionStoriesAsync(
        string slug, string? language, int? page, HttpContext context, BulletinDbContext db, SiteSnapshots snapshots, SiteClock clock,
        IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        if (Invalid(language, page) is { } problem)
        {
            return problem;
        }

        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (section is null)
        {
            return TypedResults.NotFound();
        }

        var stories = db.PublishedStories.AsNoTracking().Where(s => s.SectionId == section.Id);
        return TypedResults.Ok(await PageAsync(db, snapshots, stories, section.Id, language, page ?? 1, context, clock, site.Value, cancellationToken));
    }

    public static async Task<Results<Ok<StoryJson>, NotFound>> StoryAsync(
        Guid id, HttpContext context, BulletinDbContext db, SiteClock clock, IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        var story = await db.PublishedStories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return story is null ? TypedResults.NotFound() : TypedResults.Ok(Json(story, context, clock, site.Value));
    }

    /// <summary>Published stories as usable items; a killed story still answers, as canceled, so subscribers withdraw it.</summary>
    public static async Task<Results<Ok<JsonObject>, NotFound>> NinjsAsync(
        Guid id, HttpContext context, BulletinDbContext db, SiteClock clock, IOptions<SiteOptions> site, MediaLibrary media, CancellationToken cancellationToken)
    {
        var found = await WireCopyAsync(id, context, db, site.Value, cancellationToken);
        if (found is not var (story, status, section, url))
        {
            return TypedResults.NotFound();
        }

        var pictures = await media.PicturesAsync(story.Content.MediaIds, cancellationToken);
        return TypedResults.Ok(NinjsDocument.Build(story, status, section, url, site.Value.NameIn(story.Language), clock,
            pictures, path => PageChrome.Absolute(context.Request, site.Value, path)));
    }

    /// <summary>The same item as NewsML-G2 2.35, for the wire systems that take that rather than ninjs.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> NewsMlAsync(
        Guid id, HttpContext context, BulletinDbContext db, SiteClock clock, IOptions<SiteOptions> site, CancellationToken cancellationToken)
    {
        var found = await WireCopyAsync(id, context, db, site.Value, cancellationToken);
        if (found is not var (story, status, section, url))
        {
            return TypedResults.NotFound();
        }

        var document = NewsMlG2Document.Build(story, status, section, url, site.Value.NameIn(story.Language), clock);
        return TypedResults.Content(document.Declaration + "\n" + document.Root!.ToString(System.Xml.Linq.SaveOptions.DisableFormatting),
            NewsMlG2Document.ContentType, System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// What a wire item is built from: a published story, or a killed one as it last went out (its live version,
    /// from the story itself, since it has left the read model), never a working version.
    /// </summary>
    private static async Task<(PublishedStory Story, StoryStatus Status, Core.Sections.Section? Section, string Url)?> WireCopyAsync(
        Guid id, HttpContext context, BulletinDbContext db, SiteOptions site, CancellationToken cancellationToken)
    {
        var status = StoryStatus.Published;
        var story = await db.PublishedStories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            var killed = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Status == StoryStatus.Killed, cancellationToken);
            if (killed?.Live is null)
            {
                return null;
            }

            story = PublishedStory.Of(killed);
            status = StoryStatus.Killed;
        }

        var section = story.SectionId is { } sectionId
            ? await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId, cancellationToken)
            : null;
        return (story, status, section, PageChrome.Absolute(context.Request, site, StoryPaths.Story(story)));
    }

    /// <summary>
    /// A page of stories, newest first: the page's ids are read from an index alone (time, id), then those stories.
    /// The API's items carry the whole script, so only the page's rows are read whole.
    /// </summary>
    private static async Task<StoryPageJson> PageAsync(BulletinDbContext db, SiteSnapshots snapshots, IQueryable<PublishedStory> stories,
        Guid? sectionId, string? language, int page, HttpContext context, SiteClock clock, SiteOptions site, CancellationToken cancellationToken)
    {
        Language? edition = language is null ? null : LanguageCodes.Parse(language);
        if (edition is { } only)
        {
            stories = stories.Where(s => s.Language == only);
        }

        var pageSize = site.PageSize;
        // The total from the count kept per change: counting here would read an index entry for every story.
        var total = (await snapshots.GetAsync(cancellationToken)).Count(sectionId, edition);
        var ids = await stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var rows = ids.Count == 0 ? [] : await db.PublishedStories.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var list = rows.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).ToList();
        string? next = null;
        if (page * pageSize < total)
        {
            var query = QueryString.Create([
                .. language is null ? [] : new[] { KeyValuePair.Create("language", (string?)language) },
                KeyValuePair.Create("page", (string?)(page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            next = PageChrome.Absolute(context.Request, site, context.Request.Path + query.ToUriComponent());
        }

        return new StoryPageJson(page, pageSize, total, [.. list.Select(s => Json(s, context, clock, site))], next);
    }

    private static StoryJson Json(PublishedStory story, HttpContext context, SiteClock clock, SiteOptions site) =>
        StoryJson.From(story.Content, clock) with { Id = story.Id, Url = PageChrome.Absolute(context.Request, site, StoryPaths.Story(story)) };

    private static ValidationProblem? Invalid(string? language, int? page)
    {
        var errors = new Dictionary<string, string[]>();
        if (language is not null && !LanguageCodes.TryParse(language, out _))
        {
            errors["language"] = ["Use 'ko' or 'en'."];
        }

        if (page is < 1 or > 10_000)
        {
            errors["page"] = ["Pages are numbered from 1 to 10000."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static async ValueTask<object?> SetCacheHeadersAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // A 404 here is an API answer, not a page: the site's HTML "not found" page is not put in its place.
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        var result = await next(context);
        context.HttpContext.Response.Headers.CacheControl = CacheControl;
        return result;
    }
}
