using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bulletin.Api.Newsroom;
using Bulletin.Api.Public;
using Bulletin.Broadcast;
using Bulletin.Broadcast.Mos;
using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Timing;
using Bulletin.Data;
using Bulletin.Feeds;
using Bulletin.Fleet;
using Bulletin.Media;
using Bulletin.Media.Storage;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Bulletin.Staff;
using Bulletin.Tips;
using Bulletin.Wires;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Bulletin.Hosting;

/// <summary>The web host: public site, and later the newsroom, APIs and feeds. Read it as a table of contents.</summary>
public static class BulletinWebApp
{
    /// <param name="configure">A last word on the services before the app is built (tests use it for clocks and log capture).</param>
    public static WebApplication Build(string[] args, DataDirectory dataDirectory, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args, dataDirectory);
        configure?.Invoke(builder);

        var app = builder.Build();

        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        // A cached page reads and sets no cookie, so it is answered before the cookies' names are mapped.
        app.UsePageCache();
        app.UseHostPrefixCookies();
        app.UseExceptionHandler("/error");
        // The API answers errors as problem details; people get the site's pages.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), site => site.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseRouting();
        // One of each: every feature's route groups name their own CORS and rate-limit policies.
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.MapTips();
        app.MapStylesheet();
        Areas.Newsroom.NewsroomAssets.Stylesheet.Map(app);
        Areas.Newsroom.NewsroomAssets.EditorScript.Map(app);
        app.MapHealth();
        app.MapBroadcast();
        app.MapRazorPages();
        app.MapFeeds();
        app.MapPublicApi();
        app.MapMediaFiles();
        app.MapNewsroomApi();
        app.MapOpenApi(ApiReference.OpenApiPath).AllowAnonymous();
        app.MapApiReference();
        return app;
    }

    /// <summary>
    /// Every service Bulletin has, registered once: the web host builds its pipeline on it, and each command-line verb
    /// resolves what it needs from it (without starting the host), so both read the same settings the same way.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, DataDirectory dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json lies beside the executable, wherever Bulletin is started from.
            ContentRootPath = AppContext.BaseDirectory,
            // Razor Pages are found in the application's assembly, which is this one even when a test hosts it.
            ApplicationName = typeof(BulletinWebApp).Assembly.GetName().Name,
        });

        // "Server: Kestrel" tells a reader nothing and an attacker what runs here; every answer is shorter without it.
        // Kestrel reads only its endpoints from configuration; its limits (Kestrel:Limits, such as how long a client
        // may take to send its headers) are bound here, so that appsettings.json can tighten them.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
        });
        builder.Services.AddSingleton(dataDirectory);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBulletinData(builder.Configuration.Database(), dataDirectory.Path);
        // The keys that sign cookies and antiforgery tokens live in the database, so a cookie one node set is read by
        // every other; the application name (not the install path, the default) makes their payloads the same site's.
        builder.Services.AddDataProtection().SetApplicationName("bulletin").PersistKeysToDbContext<BulletinDbContext>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailable>();
        builder.Services.AddHealth();
        builder.Services.AddFleet(builder.Configuration);
        builder.Services.AddBulletinRateLimiting();
        builder.Services.AddProxyHeaders(builder.Configuration);
        builder.Services.AddSiteOptions(builder.Configuration);
        builder.Services.AddPublicSite();
        builder.Services.AddPageCache(builder.Configuration);
        builder.Services.AddPublishing(builder.Configuration);
        builder.Services.AddFeeds(builder.Configuration);
        builder.Services.AddPublicApi(builder.Configuration);
        builder.Services.AddStaffAccounts(builder.Configuration);
        builder.Services.AddNewsroom();
        builder.Services.AddIdempotencyKeys();
        builder.Services.AddMediaStorage(builder.Configuration);
        builder.Services.AddMediaLibrary(builder.Configuration);
        builder.Services.AddTips(builder.Configuration);
        builder.Services.AddRundowns(builder.Configuration);
        builder.Services.AddBroadcast(builder.Configuration);
        builder.Services.AddMos(builder.Configuration);
        builder.Services.AddWires(builder.Configuration);
        builder.Services.AddSingleton<Backup.DataBackup>();
        return builder;
    }

    /// <summary>Migrates the database, adds the demo newsroom to a new one, serves until stopped.</summary>
    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            Console.WriteLine($"Bulletin is serving {app.Services.GetRequiredService<DataDirectory>().Path} at {address}/  (open it in a browser)");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IConfiguration>().Database();
        var isNew = await DatabaseStartup.PrepareAsync(db, options, cancellationToken);
        if (isNew && scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value.DemoContent)
        {
            await DemoNewsroom.AddAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<SiteClock>(), cancellationToken);
        }
    }

    private static IServiceCollection AddSiteOptions(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.SectionName))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Site:TimeZone is not a time zone this machine knows.")
            .Validate(o => o.PageSize is > 0 and <= 200, "Site:PageSize must be between 1 and 200.")
            .Validate(o => string.IsNullOrEmpty(o.BaseUrl) || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Site:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<SiteClock>();
        services.AddOptions<ReadTimeOptions>()
            .Bind(configuration.GetSection(ReadTimeOptions.SectionName))
            .Validate(o => o.KoreanSyllablesPerMinute is > 0 and <= 2000, "ReadTime:KoreanSyllablesPerMinute must be between 1 and 2000.")
            .Validate(o => o.EnglishWordsPerMinute is > 0 and <= 1000, "ReadTime:EnglishWordsPerMinute must be between 1 and 1000.")
            .ValidateOnStart();
        return services;
    }

    private static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        // Hangul as it is in the page source, not as &#xD55C; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            // The English edition is the Korean one's pages under /en.
            options.Conventions.AddPageRoute("/Index", "en");
            options.Conventions.AddPageRoute("/Section", "en/section/{slug}");
            options.Conventions.AddPageRoute("/Story", "en/news/{slug}");
            options.Conventions.AddPageRoute("/Search", "en/search");
            options.Conventions.AuthorizeAreaFolder("Newsroom", "/");
            options.Conventions.AllowAnonymousToAreaPage("Newsroom", "/SignIn");
            options.Conventions.AllowAnonymousToAreaPage("Newsroom", "/Denied");
            options.Conventions.AuthorizeAreaFolder("Newsroom", "/Admin", StaffAccounts.AdminPolicy);
            options.Conventions.AuthorizeAreaFolder("Newsroom", "/Desk", StaffAccounts.EditorPolicy);
            options.Conventions.AuthorizeAreaFolder("Newsroom", "/Tips", StaffAccounts.TipDeskPolicy);
        });
        services.AddScoped<PublicPages>();
        services.AddSingleton<SiteSnapshots>();
        services.AddScoped<PageChrome>();
        services.AddScoped<PublicSearch>();
        return services;
    }

    private static IServiceCollection AddPublishing(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSingleton<SearchIndexService>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexService>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxProcessor>());
        var database = configuration.Database();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxListener>(sp, database));
        }

        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.RetentionDays is >= 1 and <= 3650, "Outbox:RetentionDays must be 1 to 3650 (days).")
            .ValidateOnStart();
        services.AddSingleton<OutboxRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRetention>());
        services.AddScoped<StoryImporter>();
        services.AddSingleton<StoryScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<StoryScheduler>());
        return services;
    }

    private static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddScoped<NewsroomStories>();
        services.AddHttpContextAccessor();
        services.AddScoped<Areas.Newsroom.NewsroomUi>();
        services.AddOpenApi(options => options.ShouldInclude = d => d.RelativePath?.StartsWith("api/newsroom", StringComparison.Ordinal) == true);
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return services;
    }

    private static void MapStylesheet(this WebApplication app)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("The stylesheet is missing from the build.");
        using var reader = new StreamReader(stream);
        var css = reader.ReadToEnd();
        app.MapGet(PublicPages.StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(css, "text/css; charset=utf-8");
        });
    }
}
