using Bulletin.Media.Renditions;

namespace Bulletin.Media;

/// <summary>The media library in the host: its limits, the renditions' maker and the gate on decoding.</summary>
public static class MediaLibraryHosting
{
    public static IServiceCollection AddMediaLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaLibraryOptions>()
            .Bind(configuration.GetSection(MediaLibraryOptions.SectionName))
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxPixels > 0 && o.ConcurrentRenditions > 0, "Media limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PhotoRenditions>();
        services.AddSingleton<MediaRenditionSlots>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
