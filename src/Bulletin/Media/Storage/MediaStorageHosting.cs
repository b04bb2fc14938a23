namespace Bulletin.Media.Storage;

/// <summary>The media store in the host and the verbs: files under the data directory unless configured otherwise.</summary>
public static class MediaStorageHosting
{
    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IMediaStore, FileMediaStore>();
        return services;
    }
}
