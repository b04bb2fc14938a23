using Bulletin.Broadcast.Mos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bulletin.Tests.Mos;

public sealed class MosHostingTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMos(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddMos_WithoutAMosSection_StartsNothing()
    {
        using var provider = Services(new() { ["Site:Name"] = "Bulletin" });

        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Null(provider.GetService<MosGateway>());
    }

    [Fact]
    public void AddMos_WithSettings_BindsTheDevicesAndTheGateway()
    {
        using var provider = Services(new()
        {
            ["Mos:NcsId"] = "newsroom.example",
            ["Mos:Lower"] = "0",
            ["Mos:Upper"] = "0",
            ["Mos:Devices:0:Id"] = "prompter.example",
            ["Mos:Devices:0:Host"] = "127.0.0.1",
            ["Mos:Devices:0:Lower"] = "12540",
            ["Mos:Devices:0:Upper"] = "12541",
        });

        var options = provider.GetRequiredService<IOptions<MosOptions>>().Value;
        Assert.Equal(("newsroom.example", "prompter.example", 12541), (options.NcsId, options.Devices[0].Id, options.Devices[0].Upper));
        var gateway = Assert.IsType<MosGateway>(Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal("prompter.example", Assert.Single(gateway.Links).DeviceId);
    }

    [Fact]
    public void AddMos_WithADeviceWithoutAHost_IsRefusedAtStart()
    {
        using var provider = Services(new() { ["Mos:NcsId"] = "newsroom.example", ["Mos:Devices:0:Id"] = "prompter.example" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MosOptions>>().Value);
    }
}
