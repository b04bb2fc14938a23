using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Data;

/// <summary>The one place a database provider is chosen.</summary>
public static class BulletinData
{
    public const string SqliteFileName = "bulletin.db";

    /// <summary>Registers <see cref="BulletinDbContext"/> (pooled) for the configured provider.</summary>
    public static IServiceCollection AddBulletinData(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options, dataDirectory);
                services.AddDbContextPool<BulletinDbContext, SqliteBulletinDbContext>(builder => UseSqlite(builder, sqlite));
                break;
            case DatabaseProvider.Postgres:
                var postgres = PostgresConnectionString(options);
                services.AddDbContextPool<BulletinDbContext, PostgresBulletinDbContext>(builder => UsePostgres(builder, postgres));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    /// <summary>A context for one-off work outside the web host (command-line verbs, tests).</summary>
    public static BulletinDbContext CreateContext(DatabaseOptions options, string dataDirectory) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBulletinDbContext(Build<SqliteBulletinDbContext>(
            builder => UseSqlite(builder, SqliteConnectionString(options, dataDirectory)))),
        DatabaseProvider.Postgres => new PostgresBulletinDbContext(Build<PostgresBulletinDbContext>(
            builder => UsePostgres(builder, PostgresConnectionString(options)))),
        _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
    };

    private static DbContextOptions<T> Build<T>(Action<DbContextOptionsBuilder> configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }

    private static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas())
            // A migration that rebuilds a table turns foreign-key checks off and on around its transaction; that
            // setting belongs to the connection, not the file, so an interrupted rebuild leaves nothing half-done and
            // the warning EF prints for it on every new database says nothing an operator can act on.
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));

    private static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)).AddInterceptors(new Outbox.OutboxOrdering());

    private static string SqliteConnectionString(DatabaseOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteFileName),
            Pooling = true,
        }.ToString();
    }

    private static string PostgresConnectionString(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException(
                "Database:Provider is Postgres but Database:ConnectionString is empty. Set it, for example " +
                "Database__ConnectionString=\"Host=127.0.0.1;Username=bulletin;Password=...;Database=bulletin\".")
            : options.ConnectionString;
}
