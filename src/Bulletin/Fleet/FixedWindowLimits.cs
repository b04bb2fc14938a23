using System.Threading.RateLimiting;

namespace Bulletin.Fleet;

/// <summary>
/// The one way Bulletin counts attempts in a window (the per-client rate limits, sign-in throttles, a Kakao
/// sender's tips): in this process's memory, or in Redis when it is configured, so that N nodes allow what one
/// would, not N times as much. Callers name a scope (what is being limited) and a key (whose attempts).
/// </summary>
public sealed class FixedWindowLimits(FleetRedis redis, TimeProvider time)
{
    public RateLimitPartition<string> Partition(string scope, string key, int permits, TimeSpan window)
    {
        var name = scope + ":" + key;
        return redis.Database is { } database
            ? RateLimitPartition.Get(name, _ => new RedisFixedWindowLimiter(database, redis.Key("limit:" + name), permits, window, time))
            : RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
    }

    /// <summary>A limiter of its own for one scope, keyed by the caller (an account, a device, a sender).</summary>
    public PartitionedRateLimiter<string> Create(string scope, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => Partition(scope, key, permits, window));
}
