using System.Security.Cryptography;
using System.Text;

namespace Bulletin.Data.Staff;

/// <summary>
/// A personal access token for API clients. Only its SHA-256 is kept: the token itself is shown once, when made.
/// The token is 32 random bytes, so a plain hash (no salt, no stretching) is enough to make a stolen table useless.
/// A token may be limited to reading and may have an end date, after which it is refused like a revoked one.
/// </summary>
public sealed class AccessToken
{
    public const string Prefix = "bnt_";

    private AccessToken()
    {
        Hash = "";
        Name = "";
    }

    public AccessToken(Guid id, Guid userId, string name, string hash, DateTimeOffset createdAt,
        AccessTokenScope scope = AccessTokenScope.Write, DateTimeOffset? expiresAt = null)
    {
        if (expiresAt is { } end && end <= createdAt)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), "A token must end after it is made.");
        }

        Id = id;
        UserId = userId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt.ToUniversalTime();
        Scope = scope;
        ExpiresAt = expiresAt?.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public AccessTokenScope Scope { get; private set; }

    /// <summary>When the token stops working; null for a token that lasts until it is revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool HasExpired(DateTimeOffset now) => ExpiresAt is { } end && end <= now;

    /// <summary>A new token: what to give the user once, and the row to keep.</summary>
    public static (string Token, AccessToken Row) Issue(Guid userId, string name, DateTimeOffset now,
        AccessTokenScope scope = AccessTokenScope.Write, DateTimeOffset? expiresAt = null)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new AccessToken(Guid.CreateVersion7(now), userId, name, HashOf(token), now, scope, expiresAt));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();
}
