using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Gives the server's database context this recorder, for the provider the test runs on.</summary>
    public void Attach(WebApplicationBuilder builder, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.ConfigureDbContext<SqliteBulletinDbContext>(o => o.AddInterceptors(this));
        }
        else
        {
            builder.Services.ConfigureDbContext<PostgresBulletinDbContext>(o => o.AddInterceptors(this));
        }
    }

    /// <summary>
    /// Every plan line, among the plans <paramref name="which"/> picks, that reads a whole table rather than an
    /// index, each with its query; empty when there is none. The tables in <paramref name="small"/> are read whole
    /// on purpose.
    /// </summary>
    public string FullScans(DatabaseProvider provider, Func<Plan, bool>? which = null, IReadOnlyCollection<string>? small = null)
    {
        var scans = new StringBuilder();
        foreach (var plan in Plans.Where(which ?? (_ => true)))
        {
            foreach (var line in plan.Lines.Select(l => l.Trim()).Where(l => ScansTable(provider, l, plan.Sql, small ?? [])))
            {
                scans.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{line}\n    in: {plan.Sql.ReplaceLineEndings(" ")}");
            }
        }

        return scans.ToString();
    }

    /// <summary>
    /// SQLite names what it scans by its alias ("Stories" AS "s"), or by the table's name when it has none; a scan
    /// of a subquery's rows (its alias follows a parenthesis), of a virtual table of parameters (json_each) or of a
    /// constant row is no table's scan. PostgreSQL, asked with sequential scans off, says "Seq Scan on" only where
    /// no index can serve.
    /// </summary>
    private static bool ScansTable(DatabaseProvider provider, string line, string sql, IReadOnlyCollection<string> small)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            if (!line.StartsWith("SCAN ", StringComparison.Ordinal) || line.Contains("USING", StringComparison.Ordinal)
                || line.Contains("VIRTUAL TABLE", StringComparison.Ordinal) || line == "SCAN CONSTANT ROW")
            {
                return false;
            }

            var alias = line["SCAN ".Length..].Split(' ')[0].Trim('"');
            if (alias.StartsWith("json_each", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(sql, $"\\)\\s+AS \"{alias}\""))
            {
                return false;
            }

            var table = System.Text.RegularExpressions.Regex.Match(sql, $"\"(\\w+)\" AS \"{alias}\"") is { Success: true } match
                ? match.Groups[1].Value
                : alias;
            return !small.Contains(table);
        }

        var at = line.IndexOf("Seq Scan on ", StringComparison.Ordinal);
        return at >= 0 && !small.Contains(line[(at + "Seq Scan on ".Length)..].Split(' ')[0].Trim('"'));
    }

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
