using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bulletin.Broadcast.Mos;

/// <summary>The MOS gateway in the host: registered only when a Mos section is configured.</summary>
public static class MosHosting
{
    public static IServiceCollection AddMos(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MosOptions.SectionName);
        if (!section.Exists())
        {
            return services;
        }

        services.AddOptions<MosOptions>()
            .Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.NcsId) && o.NcsId.Length <= 128, "Mos:NcsId must be set, at most 128 characters.")
            .Validate(o => o.Lower is >= 0 and <= 65535 && o.Upper is >= 0 and <= 65535, "Mos:Lower and Mos:Upper must be ports.")
            .Validate(o => o.Devices.All(d => !string.IsNullOrWhiteSpace(d.Id) && !string.IsNullOrWhiteSpace(d.Host) && d.Lower > 0 && d.Upper > 0),
                "Each of Mos:Devices needs an Id, a Host, and Lower and Upper ports.")
            .Validate(o => o.MaxMessageBytes >= 64 * 1024, "Mos:MaxMessageBytes must be at least 65536.")
            .Validate(o => o.AckTimeout > TimeSpan.Zero && o.ReconnectDelay > TimeSpan.Zero && o.HeartbeatInterval > TimeSpan.Zero,
                "Mos:AckTimeout, Mos:ReconnectDelay and Mos:HeartbeatInterval must be positive.")
            .ValidateOnStart();
        // What the devices hold is the rundowns on air, as stored; changes reach them through MosRundownFeed.
        services.TryAddSingleton<IRunningOrderSource, DatabaseRunningOrders>();
        services.AddSingleton(sp => new MosObjectInventory(sp.GetRequiredService<IOptions<MosOptions>>().Value.MaxObjects));
        // What a device says of a line shows at once on every open copy of its rundown page.
        services.AddSingleton(sp => new MosStatusBoard(status => sp.GetRequiredService<Live.RundownLive>().StudioReportedAsync(status.RunningOrderId)));
        services.AddSingleton<MosGateway>();
        services.AddHostedService(sp => sp.GetRequiredService<MosGateway>());
        return services;
    }
}
