using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Bulletin.Hosting;

/// <summary>Staff accounts and sign-in: Identity on Bulletin's own database, cookies for people, tokens for programs.</summary>
public static class StaffAccounts
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiPolicy = "staff-api";
    public const string AdminPolicy = "admin";
    public const string EditorPolicy = "editor";

    /// <summary>The tip desk's pages: whoever the tip table names as the desk.</summary>
    public const string TipDeskPolicy = "tip-desk";

    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(NewsroomOptions.SectionName).Get<NewsroomOptions>() ?? new NewsroomOptions();
        services.AddSingleton(options);
        services.AddSingleton<SignInThrottle>();

        services.AddIdentity<StaffUser, IdentityRole<Guid>>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.FailedSignInsBeforeLockout;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            })
            .AddEntityFrameworkStores<BulletinDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "bulletin.staff";
            cookie.Cookie.HttpOnly = true;
            // Strict: the newsroom is never entered from another site's link with a session attached.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS (production); plain HTTP only works for local development.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/newsroom/signin";
            cookie.LogoutPath = "/newsroom/signout";
            cookie.AccessDeniedPath = "/newsroom/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });
        // A disabled account or a reset password changes the security stamp; open sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "bulletin.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(AccessTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(StaffRoles.Admin))
            .AddPolicy(EditorPolicy, policy => policy.RequireRole(StaffRoles.Editor))
            .AddPolicy(TipDeskPolicy, policy => policy.RequireRole(TipWorkflow.Desk));

        // Counts the form and its posts alike, per client: guessing from one address is slowed whatever the account.
        services.AddRateLimitPolicy(SignInRateLimit, _ => (options.SignInAttemptsPerClientPerMinute, TimeSpan.FromMinutes(1)));
        return services;
    }
}

