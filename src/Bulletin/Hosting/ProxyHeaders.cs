using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Bulletin.Hosting;

/// <summary>
/// The client's address and scheme as a configured reverse proxy reports them, so that behind it every reader gets
/// a rate-limit bucket of their own and cookies stay Secure. Headers from anyone else are ignored: ASP.NET Core
/// would otherwise believe any process on the loopback interface.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostingOptions>()
            .Bind(configuration.GetSection(HostingOptions.SectionName))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Hosting:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Hosting:KnownNetworks must be networks such as 10.0.0.0/8.")
            .Validate(o => o.RetryAfterSeconds is >= 1 and <= 3600, "Hosting:RetryAfterSeconds must be 1 to 3600 (seconds).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor
                | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in hosting.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in hosting.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // The nearest hop that is not a known proxy is the client; a chain of known proxies is walked to its end.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline, and only with proxies configured: with none, the middleware would believe every sender.
    /// </summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (hosting.KnownProxies.Length > 0 || hosting.KnownNetworks.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
