using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Bulletin.Tips.Channels.Web;

/// <summary>
/// Limits how many tips, and receipt look-ups, one client may send. Clients are told apart by a keyed hash of their
/// address (IPv6 by its /64), with a key made at start-up and held only in memory: the limiter never holds an address,
/// and its hashes mean nothing after a restart. Behind a reverse proxy, configure forwarded headers so that the
/// address is the client's.
/// </summary>
internal static class TipRateLimits
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static void Configure(RateLimiterOptions limiter, TipsOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var english = context.HttpContext.Request.Path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase);
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(english
                ? "Too many tips from this connection. Please wait a few minutes and send it again."
                : "이 연결에서 너무 많은 제보가 왔습니다. 몇 분 뒤에 다시 보내 주세요.", cancellationToken);
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var request = context.Request;
            if (!HttpMethods.IsPost(request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            int permits;
            string kind;
            if (TipRoutes.IsFormPath(request.Path))
            {
                (kind, permits) = ("submit", options.SubmissionsPerWindow);
            }
            else if (TipRoutes.IsReceiptPath(request.Path))
            {
                (kind, permits) = ("receipt", options.SubmissionsPerWindow * 4);
            }
            else
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            return RateLimitPartition.GetFixedWindowLimiter(kind + ":" + ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = options.RateWindow,
                QueueLimit = 0,
            });
        });
    }

    private static string ClientKey(IPAddress? address)
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
            // One household or phone gets a whole /64; counting its addresses apart would let it walk around the limit.
            bytes = bytes[..8];
        }

        return Convert.ToBase64String(HMACSHA256.HashData(Key, bytes));
    }
}
