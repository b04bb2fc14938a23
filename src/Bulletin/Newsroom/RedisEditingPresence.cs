using Bulletin.Fleet;
using StackExchange.Redis;

namespace Bulletin.Newsroom;

/// <summary>
/// Editing presence in Redis, so an editor on one node sees a colleague editing through another: one sorted set per
/// story (who, scored by when last seen), trimmed to the last two minutes on every read and expiring with them.
/// Presence only informs, so while Redis is away it answers that nobody else is editing rather than failing the page.
/// </summary>
public sealed partial class RedisEditingPresence(FleetRedis redis, TimeProvider time, ILogger<RedisEditingPresence> logger) : IEditingPresence
{
    private readonly IDatabase _database = redis.Database ?? throw new InvalidOperationException("Redis is not configured.");

    public async Task TouchAsync(Guid storyId, string who, CancellationToken cancellationToken)
    {
        var key = KeyOf(storyId);
        try
        {
            var batch = _database.CreateBatch();
            var added = batch.SortedSetAddAsync(key, who, time.GetUtcNow().ToUnixTimeMilliseconds());
            var expires = batch.KeyExpireAsync(key, MemoryEditingPresence.Fresh);
            batch.Execute();
            await Task.WhenAll(added, expires);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e);
        }
    }

    public async Task<IReadOnlyList<string>> OthersAsync(Guid storyId, string me, CancellationToken cancellationToken)
    {
        var key = KeyOf(storyId);
        var since = time.GetUtcNow().Add(-MemoryEditingPresence.Fresh).ToUnixTimeMilliseconds();
        try
        {
            await _database.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, since, Exclude.Stop);
            var seen = await _database.SortedSetRangeByRankAsync(key);
            return [.. seen.Select(v => v.ToString()).Where(who => who != me).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(logger, e);
            return [];
        }
    }

    private RedisKey KeyOf(Guid storyId) => redis.Key($"presence:{storyId:N}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; editing presence is not shown until it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
