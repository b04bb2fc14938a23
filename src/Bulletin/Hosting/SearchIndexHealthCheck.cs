using Bulletin.Publishing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bulletin.Hosting;

/// <summary>
/// Ready when this node's search index is open and holds a known outbox position, i.e. is not new, damaged or being
/// rebuilt: until then search would answer from a partial index.
/// </summary>
public sealed class SearchIndexHealthCheck(SearchIndexService index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.Position is not null && index.Rebuild.IsCompleted
            ? HealthCheckResult.Healthy("ready")
            : HealthCheckResult.Unhealthy(index.Rebuild.IsCompleted ? "needs a rebuild" : "rebuilding"));
}
