using System.Globalization;
using System.Threading.RateLimiting;
using Bulletin.Fleet;
using Microsoft.AspNetCore.RateLimiting;

namespace Bulletin.Hosting;

/// <summary>
/// The one rate limiter of the app. Features never touch its global settings: they add named policies
/// (<see cref="AddRateLimitPolicy"/>) and attach them to their endpoints, so a policy counts per endpoint and per
/// client, whatever spelling of the path reached the endpoint (a trailing slash, another case, the /en prefix).
/// A refusal is answered here, in the words of the surface that was asked: a problem with Retry-After for the APIs,
/// for people the status page in the page's own language (also with Retry-After).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddBulletinRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = AnswerAsync;
        });
        return services;
    }

    /// <summary>
    /// A fixed window per client for the endpoints that name <paramref name="name"/>. <paramref name="limit"/> reads
    /// the permits and window for a request, or null for a request the policy lets through (a GET of a form that only
    /// limits its posts).
    /// </summary>
    public static IServiceCollection AddRateLimitPolicy(this IServiceCollection services, string name,
        Func<HttpContext, (int Permits, TimeSpan Window)?> limit)
    {
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(name, context =>
            limit(context) is { } window
                ? context.RequestServices.GetRequiredService<FixedWindowLimits>().Partition(name,
                    context.RequestServices.GetRequiredService<RateLimitClient>().KeyOf(context), window.Permits, window.Window)
                : RateLimitPartition.GetNoLimiter("")));
        return services;
    }

    private static async ValueTask AnswerAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests.",
                    detail: $"This client has asked too often; try again in {seconds} seconds.")
                .ExecuteAsync(context);
        }

        // People: the body stays empty, so the status-code pages show the site's page for 429 in the page's language.
    }
}
