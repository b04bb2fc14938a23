using Bulletin.Tips.Channels.Email;
using Bulletin.Tips.Channels.Kakao;
using Bulletin.Tips.Channels.Web;
using Bulletin.Tips.Desk;
using Bulletin.Tips.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Tips;

/// <summary>The tip desk in the host: its services, background jobs, routes, headers and rate limits.</summary>
public static class TipsHosting
{
    public static IServiceCollection AddTips(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TipsOptions>()
            .Bind(configuration.GetSection(TipsOptions.SectionName))
            .Validate(o => o.RetentionDays is > 0 and <= 3650, "Tips:RetentionDays must be between 1 and 3650.")
            .Validate(o => o.MaxFiles is >= 0 and <= 100, "Tips:MaxFiles must be between 0 and 100.")
            .Validate(o => o.MaxTotalBytes > 0, "Tips:MaxTotalBytes must be positive.")
            .Validate(o => o.ReceiptIterations >= 100_000, "Tips:ReceiptIterations must be at least 100000.")
            .Validate(o => o.SubmissionsPerWindow > 0 && o.RateWindow > TimeSpan.Zero, "Tips:SubmissionsPerWindow and Tips:RateWindow must be positive.")
            .ValidateOnStart();
        services.AddSingleton<TipKeys>();
        services.AddSingleton<TipSealer>();
        services.AddSingleton<TipFileStore>();
        services.AddSingleton<Receipts>();
        services.AddSingleton<MetadataScrubber>();
        services.AddSingleton<TipMailer>();
        services.AddSingleton<KakaoSends>();
        services.AddSingleton<KakaoImageFetcher>();
        services.AddScoped<TipIntake>();
        services.AddScoped<TipDesk>();
        services.AddSingleton<TipRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<TipRetention>());
        services.AddSingleton<TipMailbox>();
        services.AddHostedService(sp => sp.GetRequiredService<TipMailbox>());
        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AddPageRoute("/TipForm", TipRoutes.EnglishForm.TrimStart('/'));
            pages.Conventions.AddPageRoute("/TipReceipt", TipRoutes.EnglishReceipt.TrimStart('/'));
        });
        services.AddTipRateLimits();
        return services;
    }

    /// <summary>Privacy headers and rate limits before anything else on tip routes; then the Kakao skill endpoint.</summary>
    public static WebApplication MapTips(this WebApplication app)
    {
        app.UseTipPrivacyHeaders();
        app.MapPost(TipRoutes.Kakao, KakaoSkill.HandleAsync).DisableAntiforgery();
        return app;
    }
}
