using Bulletin.Caching;

namespace Bulletin.Hosting;

/// <summary>
/// The public pages' cache: finished pages and their compressed copies, answered before anything else in the pipeline runs.
/// Pages and endpoints opt in with <see cref="CachedPageAttribute"/>; the outbox evicts them.
/// </summary>
public static class PageCaching
{
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageCacheOptions>()
            .Bind(configuration.GetSection(PageCacheOptions.SectionName))
            .Validate(o => o.Lifetime > TimeSpan.Zero, "PageCache:Lifetime must be above zero.")
            .Validate(o => o.BrowserMaxAge >= TimeSpan.Zero && o.SharedMaxAge >= TimeSpan.Zero && o.StaleWhileRevalidate >= TimeSpan.Zero,
                "PageCache:BrowserMaxAge, SharedMaxAge and StaleWhileRevalidate may not be negative.")
            .Validate(o => o.SizeLimitBytes > 0 && o.MaxPageBytes > 0, "PageCache:SizeLimitBytes and MaxPageBytes must be above zero.")
            .Validate(o => o.BrotliQuality is >= 0 and <= 11 && o.FirstBrotliQuality is >= 0 and <= 11,
                "PageCache:BrotliQuality and FirstBrotliQuality must be between 0 and 11.")
            .ValidateOnStart();
        services.AddSingleton<PageCache>();
        services.AddSingleton<PageRecompressor>();
        services.AddHostedService(sp => sp.GetRequiredService<PageRecompressor>());
        return services;
    }

    /// <summary>Goes first: a cached page then costs no routing, authentication or logging scope.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) => app.UseMiddleware<PageCacheMiddleware>();
}
