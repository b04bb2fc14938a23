using Bulletin.Broadcast.Mos;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>Rundowns in the host: the producers' service, and the feed that keeps MOS devices in step with it.</summary>
public static class RundownsHosting
{
    public static IServiceCollection AddRundowns(this IServiceCollection services)
    {
        services.AddScoped<NewsroomRundowns>();
        services.AddSingleton<MosRundownFeed>();
        return services;
    }
}
