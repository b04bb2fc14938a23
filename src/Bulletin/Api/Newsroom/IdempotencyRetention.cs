using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Api.Newsroom;

/// <summary>Every hour, forgets the idempotency keys older than <see cref="IdempotencyKeys.Kept"/>.</summary>
public sealed class IdempotencyRetention(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyRetention> logger) : BackgroundService
{
    /// <summary>Deletes the keys past their time; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var cutoff = time.GetUtcNow() - IdempotencyKeys.Kept;
        return await db.IdempotentRequests.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
            {
                logger.LogWarning("Old idempotency keys were not deleted this hour: the database is {Fault}.", DatabaseFaults.Classify(e));
            }
        }
    }
}
