using Bulletin.Hosting;
using Bulletin.Newsroom;
using Bulletin.Tips.Channels.Kakao;
using StackExchange.Redis;

namespace Bulletin.Fleet;

/// <summary>
/// What the nodes of one site share beyond the database (attempt counts, editing presence, Kakao drafts): Redis
/// when <c>Redis:Configuration</c> is set, this process's memory when it is not. Each kind of shared state has one abstraction, chosen here once.
/// </summary>
public static class FleetHosting
{
    public static IServiceCollection AddFleet(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            services.AddSingleton(new FleetRedis(null, options.KeyPrefix));
            services.AddSingleton<IEditingPresence, MemoryEditingPresence>();
            services.AddSingleton<IKakaoDrafts, MemoryKakaoDrafts>();
        }
        else
        {
            services.AddSingleton<IConnectionMultiplexer>(_ =>
            {
                var redis = ConfigurationOptions.Parse(options.Configuration);
                // A node starts while Redis restarts, and reconnects by itself; while Redis is away a call fails at
                // once (the callers then let the request through) instead of queueing until its timeout.
                redis.AbortOnConnectFail = false;
                redis.BacklogPolicy = BacklogPolicy.FailFast;
                return ConnectionMultiplexer.Connect(redis);
            });
            services.AddSingleton(sp => new FleetRedis(sp.GetRequiredService<IConnectionMultiplexer>(), options.KeyPrefix));
            services.AddSingleton<IEditingPresence, RedisEditingPresence>();
            services.AddSingleton<IKakaoDrafts, RedisKakaoDrafts>();
        }

        services.AddSingleton<FixedWindowLimits>();
        services.AddSingleton<RateLimitClient>();
        return services;
    }
}
