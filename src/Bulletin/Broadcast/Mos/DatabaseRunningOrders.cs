using Bulletin.Broadcast.Rundowns;
using Bulletin.Data;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The running orders the studio's devices hold: every rundown on air, read from the database with each story's
/// script as saved now (bounded by <see cref="RundownSheets.MaxOnAir"/>).
/// </summary>
public sealed class DatabaseRunningOrders(IServiceScopeFactory scopes) : IRunningOrderSource
{
    public async ValueTask<IReadOnlyList<MosRunningOrder>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var sheets = await db.OnAirAsync(null, cancellationToken);
        return [.. sheets.Select(s => RundownRunningOrder.From(s.Rundown, s.Scripts))];
    }
}
