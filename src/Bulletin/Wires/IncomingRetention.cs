using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Wires;

/// <summary>
/// Every hour, removes the Incoming items received more than <see cref="WiresOptions.KeepDays"/> ago, oldest first
/// and a batch at a time (the received-time index finds them), so the first pass over a long-running queue never
/// holds one long delete. Stories taken or published from them are not touched.
/// </summary>
public sealed partial class IncomingRetention(IServiceScopeFactory scopes, IOptions<WiresOptions> options, TimeProvider time, ILogger<IncomingRetention> logger)
    : BackgroundService
{
    public const int BatchSize = 1000;

    /// <summary>Removes what is past its time; returns how many items.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var cutoff = time.GetUtcNow().AddDays(-options.Value.KeepDays);
        var removed = 0;
        while (true)
        {
            var batch = await db.Incoming.Where(i => i.ReceivedAt < cutoff).OrderBy(i => i.ReceivedAt).Select(i => i.Id)
                .Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return removed;
            }

            removed += await db.Incoming.Where(i => batch.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
            if (batch.Count < BatchSize)
            {
                return removed;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await RunOnceAsync(stoppingToken);
                if (removed > 0)
                {
                    Removed(logger, removed, options.Value.KeepDays);
                }
            }
            catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
            {
                logger.LogWarning("Old Incoming items were not removed this hour: the database is {Fault}.", DatabaseFaults.Classify(e));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming: {Count} items older than {Days} days removed.")]
    private static partial void Removed(ILogger logger, int count, int days);
}
