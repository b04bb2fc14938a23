using Bulletin.Core.Timing;
using Bulletin.Broadcast.Mos;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>Rundowns in the host: the producers' service, and the feed that keeps MOS devices in step with it.</summary>
public static class RundownsHosting
{
    public static IServiceCollection AddRundowns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NewsroomRundowns>();
        // Made here, so a roster that will not do stops the node as it starts rather than at the first rundown.
        services.AddSingleton(new PresenterRoster(configuration,
            configuration.GetSection(ReadTimeOptions.SectionName).Get<ReadTimeOptions>() ?? new ReadTimeOptions()));
        services.AddSingleton<MosRundownFeed>();
        return services;
    }
}
