using System.CommandLine;
using Bulletin.Data;
using Bulletin.Hosting;

namespace Bulletin.Cli;

/// <summary>`bulletin db migrate`: brings the database up to date without serving.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create the database or apply the migrations it lacks.");
        migrate.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await CommandHost.OpenAsync(result, migrate: false, cancellationToken);
            if (host is null)
            {
                return 1;
            }

            var db = host.Get<BulletinDbContext>();
            var isNew = await DatabaseStartup.MigrateAsync(db, cancellationToken);
            Console.WriteLine(isNew ? "Created the database." : "The database is up to date.");
            return 0;
        });
        return new Command("db", "Database maintenance.") { migrate };
    }
}
