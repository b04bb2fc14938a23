using System.Threading.RateLimiting;

namespace Bulletin.Fleet;

/// <summary>
/// The one way Bulletin counts attempts in a window (the per-client rate limits, sign-in throttles, a Kakao
/// sender's tips): in this process's memory, or in Redis when it is configured, so that N nodes allow what one
/// would, not N times as much. Callers name a scope (what is being limited) and a key (whose attempts).
/// </summary>
/// <remarks>
/// While Redis is away the Redis-counted limits let attempts through (and say so in the log every half minute):
/// a site that stops answering sign-ins and tips because a cache is down would be worse than one that, for a few
/// minutes, limits each reader only by what the other defences do (the account lockout is in the database).
/// </remarks>
public sealed partial class FixedWindowLimits(FleetRedis redis, TimeProvider time, ILogger<FixedWindowLimits> logger)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLogged = long.MinValue;

    public RateLimitPartition<string> Partition(string scope, string key, int permits, TimeSpan window)
    {
        var name = scope + ":" + key;
        return redis.Database is { } database
            ? RateLimitPartition.Get(name, _ => new RedisFixedWindowLimiter(database, redis.Key("limit:" + name), permits, window, time, Unavailable))
            : RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
    }

    private void Unavailable(Exception exception)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogged);
        if ((last == long.MinValue || time.GetElapsedTime(last, now) > LogEvery) && Interlocked.CompareExchange(ref _lastLogged, now, last) == last)
        {
            LogUnavailable(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; the shared rate limits let requests through until it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    /// <summary>A limiter of its own for one scope, keyed by the caller (an account, a device, a sender).</summary>
    public PartitionedRateLimiter<string> Create(string scope, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => Partition(scope, key, permits, window));
}
