using Bulletin.Broadcast.Live;
using Bulletin.Broadcast.Printing;
using Bulletin.Fleet;
using StackExchange.Redis;

namespace Bulletin.Broadcast;

/// <summary>The rundown pages' live updates and the printed rundown; the MOS gateway has its own <c>AddMos</c>.</summary>
public static class BroadcastHosting
{
    public static IServiceCollection AddBroadcast(this IServiceCollection services, IConfiguration configuration)
    {
        // With Redis configured (several nodes), a change saved on one node reaches the rundown pages open on every
        // node through Redis; without it, the pages of this one node.
        var signalR = services.AddSignalR();
        var redis = configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>();
        if (!string.IsNullOrWhiteSpace(redis?.Configuration))
        {
            signalR.AddStackExchangeRedis(redis.Configuration,
                options => options.Configuration.ChannelPrefix = RedisChannel.Literal(redis.KeyPrefix + "live"));
        }

        services.AddSingleton<RundownLive>();
        services.AddOptions<PrintOptions>().Bind(configuration.GetSection(PrintOptions.SectionName));
        services.AddSingleton<PrintFonts>();
        services.AddSingleton<RundownPdf>();
        return services;
    }

    public static IEndpointRouteBuilder MapBroadcast(this IEndpointRouteBuilder app)
    {
        app.MapHub<RundownHub>(RundownHub.Path);
        Areas.Newsroom.NewsroomAssets.RundownScript.Map(app);
        Areas.Newsroom.NewsroomAssets.PrompterScript.Map(app);
        Areas.Newsroom.NewsroomAssets.PrompterStylesheet.Map(app);
        return app;
    }
}
