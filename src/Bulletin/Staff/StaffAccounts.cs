using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Bulletin.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Bulletin.Staff;

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
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<SignInDevices>();

        services.AddIdentity<StaffUser, IdentityRole<Guid>>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                // Length, not character classes (ASVS 6.2.5): a long Korean or English phrase is a good password.
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.FailedSignInsBeforeLockout;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            })
            .AddEntityFrameworkStores<BulletinDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = HostPrefixCookies.Prefix + "bulletin.staff";
            cookie.Cookie.Path = "/";
            cookie.Cookie.HttpOnly = true;
            // Strict: the newsroom is never entered from another site's link with a session attached.
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS (production); plain HTTP only works for local development.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/newsroom/signin";
            cookie.LogoutPath = "/newsroom/signout";
            cookie.AccessDeniedPath = "/newsroom/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(options.SessionIdleHours);
            cookie.SlidingExpiration = true;
        });
        // Identity's short-lived sign-in cookies (between password and second factor) are named the same way.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, c => c.Cookie.Name = HostPrefixCookies.Prefix + "bulletin.2fa");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, c => c.Cookie.Name = HostPrefixCookies.Prefix + "bulletin.2fa-remember");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, c => c.Cookie.Name = HostPrefixCookies.Prefix + "bulletin.external");
        // Sessions are kept on the server, so signing out, disabling an account or resetting its password ends them
        // at once. The security stamp is the second line: a change to it is noticed within a minute.
        services.AddSingleton<StaffSessions>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessions>((cookie, sessions) => cookie.SessionStore = sessions);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = HostPrefixCookies.Prefix + "bulletin.af";
            antiforgery.Cookie.Path = "/";
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

