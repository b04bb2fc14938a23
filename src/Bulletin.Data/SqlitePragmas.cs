using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bulletin.Data;

/// <summary>
/// Settings SQLite keeps per connection, applied on every open: write-ahead logging so readers never wait for
/// a writer, FULL sync so an acknowledged save survives a power cut, a busy timeout so two writers queue rather
/// than fail, and secure_delete so deleted rows are overwritten, not left in free pages.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
