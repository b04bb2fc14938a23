using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Bulletin.Data;

/// <summary>
/// The lock a node holds while it migrates and seeds the database, so that of ten nodes started together on an
/// empty database one creates the schema and the sections and the other nine find them done. On PostgreSQL it is a
/// session advisory lock on a connection of its own (held across the migrations' own transactions, and released
/// by PostgreSQL if the node dies holding it). SQLite is one machine's file: EF's own migration lock suffices.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private static readonly string Lock = $"SELECT pg_advisory_lock({DatabaseLocks.Class}, {DatabaseLocks.Startup})";
    private static readonly string Unlock = $"SELECT pg_advisory_unlock({DatabaseLocks.Class}, {DatabaseLocks.Startup})";

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection)
    {
        _connection = connection;
    }

    /// <summary>Waits for the lock (as long as another node's migration takes) and takes it.</summary>
    public static async Task<StartupLock> TakeAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not PostgresBulletinDbContext)
        {
            return new StartupLock(null);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
        {
            ApplicationName = "bulletin start-up lock",
            Pooling = false,
        }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Lock, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand(Unlock, _connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Closing the session below releases the lock as well.
        }

        await _connection.DisposeAsync();
    }
}
