using Npgsql;

namespace Bulletin.Data.Outbox;

/// <summary>
/// The PostgreSQL notification channel every commit with outbox rows notifies (see <see cref="OutboxOrdering"/>), and
/// how a node listens on it: the wake-up that lets every node follow a change within a second without polling hard.
/// </summary>
public static class OutboxChannel
{
    public const string Name = "bulletin_outbox";

    /// <summary>What the listening connection calls itself in pg_stat_activity.</summary>
    public const string ApplicationName = "bulletin outbox listener";

    // A connection silently cut (a firewall, a failover) shows no error until used: one round trip this often finds it.
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Listens until cancelled or until the connection fails (the exception is the caller's to log; it then polls
    /// faster and calls this again). <paramref name="listening"/> is called once the LISTEN is in place: anything
    /// committed before then was not notified, so the caller reads the outbox once at that point.
    /// </summary>
    public static async Task ListenAsync(DatabaseOptions options, Action notified, Action listening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notified);
        ArgumentNullException.ThrowIfNull(listening);
        var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            ApplicationName = ApplicationName,
            // Its own connection, held for hours: never one of the pool's.
            Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, _) => notified();
        await using (var command = new NpgsqlCommand($"LISTEN {Name}", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        listening();
        while (true)
        {
            if (!await connection.WaitAsync(Check, cancellationToken))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken);
            }
        }
    }
}
