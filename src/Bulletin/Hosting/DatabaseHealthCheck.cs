using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bulletin.Hosting;

/// <summary>Ready when the database answers a query (one row of the smallest table, by its key).</summary>
public sealed class DatabaseHealthCheck(BulletinDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Sections.AsNoTracking().Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The reason goes to the log, not to whoever asks: it may name hosts and files.
            return HealthCheckResult.Unhealthy("does not answer", e);
        }
    }
}
