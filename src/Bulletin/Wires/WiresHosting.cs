namespace Bulletin.Wires;

/// <summary>The wires in the host: their options, the queue, the poller that fills it and the pass that empties it of old items.</summary>
public static class WiresHosting
{
    public static IServiceCollection AddWires(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WiresOptions>()
            .Bind(configuration.GetSection(WiresOptions.SectionName))
            .Validate(o => o.Problem() is null, "Wires: a source is misconfigured (each needs a unique Name, a Path or http(s) Url, a known Format and an Interval of 1 to 86400 s; Wires:KeepDays is 1 to 3650).")
            .ValidateOnStart();
        services.AddHttpClient(WirePoller.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Bulletin-Wires/1.0");
        });
        services.AddScoped<IncomingDesk>();
        services.AddSingleton<WirePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<WirePoller>());
        services.AddHostedService<IncomingRetention>();
        return services;
    }
}
