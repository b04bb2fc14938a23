using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Bulletin.Fleet;

namespace Bulletin.Hosting;

/// <summary>
/// Tells clients apart for rate limits by a keyed hash of their address (IPv6 by its /64), so no limiter holds an
/// address. The key is held only in memory: this process's, made at start-up, so its hashes mean nothing after a
/// restart; or, with Redis configured, Redis's, made by the first node that needs it, so every node hashes a
/// client alike and their shared counts meet. Behind a reverse proxy the address is the client's only when the
/// proxy is configured (Hosting:KnownProxies).
/// </summary>
public sealed class RateLimitClient(FleetRedis redis)
{
    private readonly byte[] _key = LoadKey(redis);

    public string KeyOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return KeyOf(context.Connection.RemoteIpAddress);
    }

    public string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // One household or phone gets a whole /64; counting its addresses apart would let it walk around a limit.
            bytes = bytes[..8];
        }

        return Convert.ToBase64String(HMACSHA256.HashData(_key, bytes));
    }

    private static byte[] LoadKey(FleetRedis redis)
    {
        var fresh = RandomNumberGenerator.GetBytes(32);
        if (redis.Database is not { } database)
        {
            return fresh;
        }

        // The first node to start puts its key there; every other node (and this one, if it lost the race) reads it.
        var key = redis.Key("client-hash-key");
        database.StringSet(key, fresh, when: StackExchange.Redis.When.NotExists);
        return (byte[]?)database.StringGet(key) ?? fresh;
    }
}
