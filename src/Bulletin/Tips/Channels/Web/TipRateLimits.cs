using Bulletin.Hosting;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Channels.Web;

/// <summary>
/// How many tips, and receipt look-ups, one client may send: named policies on the form's and the receipt page's
/// endpoints, so every spelling of their addresses (/tips/, /en/tips, /TIPS) counts in the same bucket. Reading the
/// form is never limited; only posts are.
/// </summary>
internal static class TipRateLimits
{
    public const string Submit = "tip-submit";
    public const string Receipt = "tip-receipt";

    public static IServiceCollection AddTipRateLimits(this IServiceCollection services)
    {
        services.AddRateLimitPolicy(Submit, context => PostsOnly(context, tips => tips.SubmissionsPerWindow));
        // A receipt is checked with 600,000 PBKDF2 rounds: a few more tries than tips, but never an open door for guessing.
        services.AddRateLimitPolicy(Receipt, context => PostsOnly(context, tips => tips.SubmissionsPerWindow * 4));
        return services;
    }

    private static (int, TimeSpan)? PostsOnly(HttpContext context, Func<TipsOptions, int> permits)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        var tips = context.RequestServices.GetRequiredService<IOptions<TipsOptions>>().Value;
        return (permits(tips), tips.RateWindow);
    }
}
