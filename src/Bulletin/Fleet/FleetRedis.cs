using StackExchange.Redis;

namespace Bulletin.Fleet;

/// <summary>The site's Redis when one is configured (<see cref="RedisOptions"/>), and the names of its keys there.</summary>
public sealed class FleetRedis(IConnectionMultiplexer? connection, string keyPrefix)
{
    /// <summary>Null when no Redis is configured: the caller keeps its state in memory.</summary>
    public IDatabase? Database { get; } = connection?.GetDatabase();

    public RedisKey Key(string name) => keyPrefix + name;
}
