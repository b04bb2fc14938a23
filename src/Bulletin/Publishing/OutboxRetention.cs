using Bulletin.Data;
using Bulletin.Data.Outbox;
using Microsoft.Extensions.Options;

namespace Bulletin.Publishing;

/// <summary>
/// Every hour, deletes outbox rows older than <see cref="OutboxOptions.RetentionDays"/>, a bounded batch per statement
/// with a rest between, so a table grown large is emptied without one long transaction. Every node runs it; two
/// deleting at once only find less to delete.
/// </summary>
public sealed partial class OutboxRetention(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time,
    ILogger<OutboxRetention> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Rest = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: deletes every row past its age; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            var deleted = await db.DeleteOlderThanAsync(cutoff, BatchSize, cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                break;
            }

            await Task.Delay(Rest, time, cancellationToken);
        }

        if (total > 0)
        {
            LogDeleted(logger, total, options.Value.RetentionDays);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} outbox rows older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting old outbox rows failed; it is tried again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
