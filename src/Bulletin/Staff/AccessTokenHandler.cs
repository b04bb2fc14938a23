using System.Security.Claims;
using System.Text.Encodings.Web;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Staff;

/// <summary>
/// Signs in API clients by a personal access token in <c>Authorization: Bearer</c>. The token is looked up by its
/// hash; a revoked or expired token or a disabled account gets 401. Roles are read on every request, so a change of
/// roles takes effect at once. The token's scope travels as a claim; <see cref="ReadOnlyTokens"/> enforces it.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BulletinDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The claim that carries the token's scope: <c>read</c> or <c>write</c>.</summary>
    public const string ScopeClaim = "bulletin:token-scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = AccessToken.HashOf(header["Bearer ".Length..].Trim());
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users.Where(u => !u.IsDisabled), t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked, or its account is disabled.");
        }

        // The hash is unique, so this is one row; its end date is checked here rather than in SQL.
        if (found.Token.HasExpired(time.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The token has expired.");
        }

        var user = found.User;

        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? user.Id.ToString()),
            new(ClaimTypes.Email, user.Email ?? ""),
            new(ScopeClaim, found.Token.Scope == AccessTokenScope.Read ? "read" : "write"),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
