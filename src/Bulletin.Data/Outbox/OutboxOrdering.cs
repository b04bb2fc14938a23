using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bulletin.Data.Outbox;

/// <summary>
/// On PostgreSQL, makes outbox ids follow commit order. A sequence hands out ids at insert, not at commit, so two
/// transactions can commit out of id order; a node that has read up to the later id would then never see the
/// earlier one. Every transaction that writes outbox rows takes one advisory lock before its first insert and holds
/// it to its commit (a transaction lock), so the next writer draws its ids only after the previous one committed, and
/// a reader that sees row n also sees every committed row below n. The same transaction sends a notification on
/// <see cref="Channel"/>, which PostgreSQL delivers only when it commits: every node's follower wakes at once.
/// </summary>
/// <remarks>
/// The lock is held for the length of a save (milliseconds), and only by saves that write the outbox. SQLite needs
/// none of this: it has one writer at a time, so its ids are in commit order already.
/// </remarks>
internal sealed class OutboxOrdering : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly string Sql =
        $"SELECT pg_advisory_xact_lock({DatabaseLocks.Class}, {DatabaseLocks.OutboxOrder}); SELECT pg_notify('{OutboxChannel.Name}', '')";

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && WritesOutbox(context))
        {
            if (context.Database.CurrentTransaction is { } transaction)
            {
                Lock(transaction.GetDbTransaction());
            }
            else
            {
                // A save of one row runs without a transaction unless told otherwise; the lock needs one.
                context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && WritesOutbox(context))
        {
            if (context.Database.CurrentTransaction is { } transaction)
            {
                await LockAsync(transaction.GetDbTransaction(), cancellationToken);
            }
            else
            {
                context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            }
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (eventData.Context is { } context && WritesOutbox(context))
        {
            Lock(result);
        }

        return result;
    }

    public async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && WritesOutbox(context))
        {
            await LockAsync(result, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Whether the save about to run adds outbox rows. An outbox row has no navigations, so it is Added from the
    /// moment it is added: no change detection is needed to see it (and a large import is not scanned twice).
    /// </summary>
    private static bool WritesOutbox(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static void Lock(DbTransaction transaction)
    {
        using var command = Command(transaction);
        command.ExecuteNonQuery();
    }

    private static async Task LockAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbTransaction transaction)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        return command;
    }
}
