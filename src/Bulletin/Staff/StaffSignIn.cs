using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Identity;

namespace Bulletin.Staff;

/// <summary>
/// Staff sign-in by e-mail, password and (where turned on) an authenticator code, built from Identity's parts rather
/// than <c>PasswordSignInAsync</c> because of what that call gives away and allows:
/// <list type="bullet">
/// <item>The password hash runs for unknown and locked accounts too, and every refusal writes the same rows, so an
/// unknown account answers neither faster nor differently than a wrong password.</item>
/// <item>Every failure is in the audit log: the account tried, when, the reason and the client's network. A name
/// that is no account is kept only as a short hash (it may be a password typed into the wrong box), and the
/// address only as its network (IPv4 /24, IPv6 /48): enough to see one source behind many tries, not who it was.</item>
/// <item>A browser that has signed in to the account before is not held to the account's lockout
/// (<see cref="SignInDevices"/>), so failing on purpose cannot keep the admin out.</item>
/// <item>A wrong authenticator code counts toward the lockout like a wrong password, and a right one is taken once.</item>
/// </list>
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    BulletinDbContext db,
    SignInThrottle throttle,
    SignInDevices devices,
    TimeProvider time)
{
    private const string LastCodeProvider = "Bulletin.Authenticator";
    private const string LastCodeName = "last-code";

    /// <summary>Longer than any code is accepted (Identity takes a few 30-second steps either side of now).</summary>
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private static readonly StaffUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };

    // A hash of a random password, made once per process for unknown accounts to be checked against; which one
    // does not matter, and two requests making it at once is harmless.
    private static string? _nobodysHash;

    public async Task<StaffSignInResult> SignInAsync(HttpContext http, string email, string password, string? code)
    {
        var users = signIn.UserManager;
        var typed = email.Trim();
        var user = await users.FindByEmailAsync(typed);
        var device = user is null ? null : devices.TrustedFor(http.Request, user.Id);
        if (!(device is null ? throttle.TryAttempt(typed) : throttle.TryAttemptFromDevice(device)))
        {
            await FailedAsync(http, typed, user, "throttled", countsTowardLockout: false);
            return StaffSignInResult.Throttled;
        }

        if (user is null)
        {
            // The same work as a wrong password for a real account: one hash, one audit row.
            _nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
            hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            await FailedAsync(http, typed, null, "unknown account", countsTowardLockout: false);
            return StaffSignInResult.Refused;
        }

        var passwordRight = await users.CheckPasswordAsync(user, password);
        var locked = device is null && await users.IsLockedOutAsync(user);
        if (user.IsDisabled || locked || !passwordRight)
        {
            var reason = user.IsDisabled ? "disabled" : locked ? "locked" : "wrong password";
            await FailedAsync(http, typed, user, reason, countsTowardLockout: !user.IsDisabled && !locked && device is null);
            return StaffSignInResult.Refused;
        }

        var secondFactor = await users.GetTwoFactorEnabledAsync(user);
        if (secondFactor)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return StaffSignInResult.NeedsCode;
            }

            var given = code.Replace(" ", "", StringComparison.Ordinal);
            var codeRight = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, given);
            var reused = codeRight && await UsedAlreadyAsync(user, given);
            if (!codeRight || reused)
            {
                await FailedAsync(http, typed, user, reused ? "code used already" : "wrong code", countsTowardLockout: device is null);
                return StaffSignInResult.NeedsCode;
            }

            await users.SetAuthenticationTokenAsync(user, LastCodeProvider, LastCodeName,
                $"{given}:{time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", secondFactor ? "mfa" : "pwd")]);
        devices.Remember(http.Response, user.Id, device);
        db.AuditLog.Add(new AuditEntry(user.Id, user.Email!, "user.sign-in", $"user:{user.Email}", "from " + Network(http), time.GetUtcNow()));
        await db.SaveChangesAsync(http.RequestAborted);
        return StaffSignInResult.SignedIn;
    }

    /// <summary>
    /// Before the sign-in form is shown: a session the browser already carries (its own, someone else's on a shared
    /// computer, or one planted in it) ends here, so a sign-in always starts a new session with a new key and never
    /// carries on one that another person may hold a copy of. The request then counts as nobody's, so the form's
    /// antiforgery token is made for the person about to sign in.
    /// </summary>
    public async Task EndPresentSessionAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync();
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    /// <summary>
    /// A code seen over the shoulder or in a phished form is still valid for a minute or two: each is taken once. The
    /// last accepted code is kept in Identity's token table and refused again while the app could still show it.
    /// </summary>
    private async Task<bool> UsedAlreadyAsync(StaffUser user, string code)
    {
        var last = await signIn.UserManager.GetAuthenticationTokenAsync(user, LastCodeProvider, LastCodeName);
        var parts = last?.Split(':');
        return parts is [var lastCode, var at]
            && lastCode == code
            && long.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) < CodeLifetime;
    }

    /// <summary>One audit row, saved with the failed-count change where there is one, so every refusal costs one write.</summary>
    private async Task FailedAsync(HttpContext http, string typed, StaffUser? user, string reason, bool countsTowardLockout)
    {
        var name = user?.Email ?? UnknownName(typed);
        db.AuditLog.Add(new AuditEntry(user?.Id, name, "user.sign-in-failed", $"user:{name}", $"{reason}; from {Network(http)}", time.GetUtcNow()));
        if (countsTowardLockout)
        {
            // Identity saves the count through the same context, the audit row with it.
            await signIn.UserManager.AccessFailedAsync(user!);
            if (await signIn.UserManager.IsLockedOutAsync(user!))
            {
                db.AuditLog.Add(new AuditEntry(user!.Id, name, "user.locked-out", $"user:{user.Email}", $"from {Network(http)}", time.GetUtcNow()));
                await db.SaveChangesAsync(http.RequestAborted);
            }
        }
        else
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
    }

    /// <summary>"unknown 3f9a0c1b2d": the same typed name gives the same mark, so repeated tries show, but not the name.</summary>
    internal static string UnknownName(string typed) =>
        "unknown " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant())))[..10];

    /// <summary>The client's network: 203.0.113.0/24, 2001:db8:1::/48.</summary>
    internal static string Network(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return "an unknown address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var kept = address.AddressFamily == AddressFamily.InterNetworkV6 ? 6 : 3;
        Array.Clear(bytes, kept, bytes.Length - kept);
        return $"{new IPAddress(bytes)}/{kept * 8}";
    }
}
