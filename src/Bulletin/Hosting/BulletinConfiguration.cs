using Bulletin.Data;
using Bulletin.Site;

namespace Bulletin.Hosting;

/// <summary>
/// Configuration for the command-line verbs that run without the web host: the same files and environment
/// variables the server reads (appsettings.json beside the executable, then Database__Provider and friends).
/// </summary>
public static class BulletinConfiguration
{
    public static IConfiguration Load()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public static DatabaseOptions Database(this IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public static SiteOptions Site(this IConfiguration configuration) =>
        configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>() ?? new SiteOptions();
}
