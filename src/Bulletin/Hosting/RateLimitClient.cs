using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Bulletin.Hosting;

/// <summary>
/// Tells clients apart for rate limits by a keyed hash of their address (IPv6 by its /64), with a key made at start-up
/// and held only in memory: no limiter holds an address, and its hashes mean nothing after a restart. Behind a
/// reverse proxy the address is the client's only when the proxy is configured (Hosting:KnownProxies).
/// </summary>
public static class RateLimitClient
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string KeyOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
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

        return Convert.ToBase64String(HMACSHA256.HashData(Key, bytes));
    }
}
