using System.Security.Cryptography;
using System.Text;

namespace Bulletin.Data.Staff;

/// <summary>
/// A personal access token for API clients. Only its SHA-256 is kept: the token itself is shown once, when made.
/// The token is 32 random bytes, so a plain hash (no salt, no stretching) is enough to make a stolen table useless.
/// </summary>
public sealed class AccessToken
{
    public const string Prefix = "bnt_";

    private AccessToken()
    {
        Hash = "";
        Name = "";
    }

    public AccessToken(Guid id, Guid userId, string name, string hash, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new token: what to give the user once, and the row to keep.</summary>
    public static (string Token, AccessToken Row) Issue(Guid userId, string name, DateTimeOffset now)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new AccessToken(Guid.CreateVersion7(now), userId, name, HashOf(token), now));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();
}
