using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bulletin.Tests;

/// <summary>
/// Asks the database how it will run every query the server sends while <see cref="Recording"/> is on
/// (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), on the same connection with the same parameters, and
/// keeps the plans. PostgreSQL is asked with sequential scans disabled: its tables are tiny in a test and a scan
/// would win on cost, so a sequential scan in that plan means no index can serve the query at all.
/// </summary>
internal sealed class QueryPlanRecorder : DbCommandInterceptor
{
    public sealed record Plan(string Sql, IReadOnlyList<string> Lines);

    public ConcurrentQueue<Plan> Plans { get; } = new();
    public volatile bool Recording;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ExplainAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await ExplainAsync(command, cancellationToken);
        return result;
    }

    private async Task ExplainAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (!Recording || !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var postgres = command.Connection is Npgsql.NpgsqlConnection;
        if (postgres)
        {
            await RunAsync(command, "SET enable_seqscan = off", cancellationToken);
        }

        var lines = new List<string>();
        await using (var explain = Copy(command, (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText))
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite gives (id, parent, notused, detail); PostgreSQL one text column.
                lines.Add(reader.GetString(postgres ? 0 : 3));
            }
        }

        if (postgres)
        {
            await RunAsync(command, "RESET enable_seqscan", cancellationToken);
        }

        Plans.Enqueue(new Plan(command.CommandText, lines));
    }

    private static DbCommand Copy(DbCommand command, string text)
    {
        var copy = command.Connection!.CreateCommand();
        copy.Transaction = command.Transaction;
        copy.CommandText = text;
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter is Npgsql.NpgsqlParameter npgsql)
            {
                copy.Parameters.Add(npgsql.Clone());
                continue;
            }

            var p = copy.CreateParameter();
            p.ParameterName = parameter.ParameterName;
            p.Value = parameter.Value;
            p.DbType = parameter.DbType;
            copy.Parameters.Add(p);
        }

        return copy;
    }

    private static async Task RunAsync(DbCommand command, string text, CancellationToken cancellationToken)
    {
        await using var set = command.Connection!.CreateCommand();
        set.Transaction = command.Transaction;
        set.CommandText = text;
        await set.ExecuteNonQueryAsync(cancellationToken);
    }
}
