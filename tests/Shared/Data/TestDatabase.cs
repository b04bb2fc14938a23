using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bulletin.Testing;

/// <summary>
/// A fresh, migrated database for one test, on either provider. PostgreSQL needs a server: the connection string
/// of a role that may create databases, in BULLETIN_TEST_POSTGRES (.ci/run starts one and sets it). Without it,
/// the PostgreSQL case of a test is skipped with a message that says so.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BULLETIN_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string dataDirectory, string? postgresAdmin, string? postgresName)
    {
        Options = options;
        DataDirectory = dataDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    public DatabaseOptions Options { get; }
    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrated = true)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("bulletin-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, dataDirectory, null, null);
            if (migrated)
            {
                await sqlite.MigrateAsync();
            }

            return sqlite;
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Directory.Delete(dataDirectory, recursive: true);
            Assert.Skip($"PostgreSQL run skipped: no server configured ({PostgresVariable} is not set; .ci/run sets it).");
        }

        var name = "bulletin_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString,
        };
        var postgres = new TestDatabase(options, dataDirectory, admin, name);
        if (migrated)
        {
            await postgres.MigrateAsync();
        }

        return postgres;
    }

    public BulletinDbContext NewContext() => BulletinData.CreateContext(Options, DataDirectory);

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory.
        }
    }

    private async Task MigrateAsync()
    {
        await using var context = NewContext();
        await context.Database.MigrateAsync();
    }
}
