namespace Bulletin.Fleet;

/// <summary>
/// The "Redis" configuration section. With <see cref="Configuration"/> set, what the nodes of one site must agree on
/// (rate limits, sign-in throttles, who is editing what, the key that hashes client addresses) lives in Redis;
/// unset, it lives in this process's memory, which is right for one node.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key Bulletin writes, so several sites can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "bulletin:";
}
