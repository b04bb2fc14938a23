using Bulletin.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Bulletin.Staff;

/// <summary>
/// Remembers, in a signed cookie, which account last signed in on this browser. A browser that has signed in to an
/// account before is not held to that account's lockout, so a stranger who fails on purpose can lock the account for
/// everyone else but never keep its owner out of their own desk; such a browser has its own, tighter budget of tries
/// instead (OWASP's "device cookie" answer to lockout as denial of service).
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = HostPrefixCookies.Prefix + "bulletin.device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Bulletin.Staff.SignInDevice").ToTimeLimitedDataProtector();

    /// <summary>This browser's device id when it has signed in to the account before, else null.</summary>
    public string? TrustedFor(HttpRequest request, Guid userId)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        try
        {
            var value = _protector.Unprotect(cookie, out var expires);
            var parts = value.Split('.');
            return expires > time.GetUtcNow() && parts.Length == 2 && parts[0] == userId.ToString("N") ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a successful sign-in: this browser is now known to the account.</summary>
    public void Remember(HttpResponse response, Guid userId, string? deviceId)
    {
        var id = deviceId ?? Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var expires = time.GetUtcNow().Add(Lifetime);
        response.Cookies.Append(CookieName, _protector.Protect($"{userId:N}.{id}", expires), new CookieOptions
        {
            HttpOnly = true,
            Path = "/",
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Expires = expires,
            IsEssential = true,
        });
    }
}
