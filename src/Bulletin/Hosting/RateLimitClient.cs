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
public sealed class RateLimitClient(FleetRedis redis, TimeProvider time)
{
    private static readonly TimeSpan RetryShared = TimeSpan.FromSeconds(30);

    // This process's own key until the shared one is read (at once, unless Redis is away when it is first needed).
    private byte[] _key = RandomNumberGenerator.GetBytes(32);
    private bool _shared = redis.Database is null;
    private long _lastTry = long.MinValue;

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

        return Convert.ToBase64String(HMACSHA256.HashData(Key(), bytes));
    }

    private byte[] Key()
    {
        if (Volatile.Read(ref _shared) || redis.Database is not { } database)
        {
            return Volatile.Read(ref _key);
        }

        var last = Interlocked.Read(ref _lastTry);
        var now = time.GetTimestamp();
        if (last != long.MinValue && time.GetElapsedTime(last, now) < RetryShared || Interlocked.CompareExchange(ref _lastTry, now, last) != last)
        {
            return Volatile.Read(ref _key);
        }

        try
        {
            // The first node to need it puts its key there; every other node (and this one, if it lost the race) reads it.
            var name = redis.Key("client-hash-key");
            database.StringSet(name, _key, when: StackExchange.Redis.When.NotExists);
            if ((byte[]?)database.StringGet(name) is { Length: 32 } shared)
            {
                Volatile.Write(ref _key, shared);
                Volatile.Write(ref _shared, true);
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Redis is away: this node counts with its own key meanwhile (the limits let requests through anyway).
        }

        return Volatile.Read(ref _key);
    }
}
