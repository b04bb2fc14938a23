using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bulletin.Data;

/// <summary>
/// Tells a failure that passes (a busy or full database, a restarting server) from a defect, for either provider,
/// however deep EF Core wrapped it: the first can be answered "try again shortly" with nothing lost, the second
/// is a 500 to look into.
/// </summary>
public static class DatabaseFaults
{
    // SQLite's primary result codes (sqlite3.h).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;

    // No space left on the device: errno ENOSPC on Linux, ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] DiskFullResults = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    public static DatabaseFault? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Of(e) is { } fault)
            {
                return fault;
            }
        }

        return null;
    }

    private static DatabaseFault? Of(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => DatabaseFault.Busy,
        SqliteException { SqliteErrorCode: SqliteFull } => DatabaseFault.Full,
        // An I/O error writing the journal or the file is, on a full disk, often what SQLite reports first.
        SqliteException { SqliteErrorCode: SqliteIoError } => DatabaseFault.Full,
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => DatabaseFault.Full,
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.QueryCanceled } => DatabaseFault.Busy,
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow } => DatabaseFault.Unreachable,
        PostgresException => null,
        // A command past its timeout: the server is there but too slow (a lock held elsewhere, a heavy query).
        NpgsqlException { InnerException: TimeoutException } => DatabaseFault.Busy,
        NpgsqlException { IsTransient: true } => DatabaseFault.Unreachable,
        IOException io when DiskFullResults.Contains(io.HResult) => DatabaseFault.Full,
        _ => null,
    };
}
