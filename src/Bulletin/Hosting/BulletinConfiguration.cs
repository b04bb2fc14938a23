using Bulletin.Data;

namespace Bulletin.Hosting;

/// <summary>
/// Sections read before the services exist (the database provider is chosen while registering them). Everything else
/// is read through options, from the one configuration the host and every verb build (<see cref="BulletinWebApp.CreateBuilder"/>).
/// </summary>
public static class BulletinConfiguration
{
    public static DatabaseOptions Database(this IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
