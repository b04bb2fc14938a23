using Bulletin.Broadcast.Live;
using Bulletin.Broadcast.Printing;

namespace Bulletin.Broadcast;

/// <summary>The rundown pages' live updates and the printed rundown; the MOS gateway has its own <c>AddMos</c>.</summary>
public static class BroadcastHosting
{
    public static IServiceCollection AddBroadcast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
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
