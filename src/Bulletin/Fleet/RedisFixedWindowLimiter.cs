using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Bulletin.Fleet;

/// <summary>
/// A fixed window counted in Redis: the first attempt of a window creates a counter that expires with the window,
/// and each attempt adds one, in one script so every node sees one count. It holds no state of its own, so the
/// rate limiter may drop and recreate it whenever it likes.
/// </summary>
internal sealed class RedisFixedWindowLimiter(IDatabase redis, RedisKey key, int permits, TimeSpan window, TimeProvider time,
    Action<Exception> unavailable) : RateLimiter
{
    private const string Count = """
        local n = redis.call('INCRBY', KEYS[1], ARGV[2])
        if n == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
        return { n, ttl }
        """;

    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount == 0)
        {
            return Answer(null);
        }

        try
        {
            return Answer((RedisResult[]?)redis.ScriptEvaluate(Count, [key], Arguments(permitCount)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            unavailable(e);
            return Answer(null);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return Answer(null);
        }

        try
        {
            return Answer((RedisResult[]?)await redis.ScriptEvaluateAsync(Count, [key], Arguments(permitCount)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            unavailable(e);
            return Answer(null);
        }
    }

    private RedisValue[] Arguments(int permitCount) => [(long)window.TotalMilliseconds, permitCount];

    private Lease Answer(RedisResult[]? counted)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (counted is null)
        {
            return new Lease(true, null);
        }

        var count = (long)counted[0];
        return count <= permits
            ? new Lease(true, null)
            : new Lease(false, TimeSpan.FromMilliseconds(Math.Max(1, (long)counted[1])));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
