using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Once a day, deletes declined and spam tips whose retention period has passed, with their files and any tips
/// merged into them, leaving an audit line without content. It also removes folders a crash left behind in the
/// middle of an upload (no tip row refers to them). SQLite runs with secure_delete, so deleted rows are overwritten.
/// </summary>
public sealed class TipRetention(IServiceScopeFactory scopes, IOptions<TipsOptions> options, TimeProvider clock, SiteClock site, ILogger<TipRetention> logger)
    : BackgroundService
{
    private const int FolderBatch = 500;

    private readonly SemaphoreSlim _onePass = new(1, 1);

    /// <summary>Runs one pass now; returns how many tips were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    public override void Dispose()
    {
        _onePass.Dispose();
        base.Dispose();
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<TipFileStore>();
        var today = site.Today();
        var cutoff = today.AddDays(-options.Value.RetentionDays);
        var due = await db.ReaderTips
            .Where(t => (t.Status == TipStatus.Declined || t.Status == TipStatus.Spam) && t.SettledOn != null && t.SettledOn <= cutoff)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var id in due)
        {
            var group = await db.ReaderTips.Include(t => t.Attachments).Include(t => t.Messages).AsSplitQuery()
                .Where(t => t.Id == id || t.DuplicateOfId == id).ToListAsync(cancellationToken);
            foreach (var tip in group.OrderBy(t => t.Id == id))
            {
                await DeleteAsync(db, files, tip, "deleted by retention", "retention", today, cancellationToken);
                deleted++;
            }
        }

        // Leftover folders: those older than a day (an upload may still be streaming into a new one) are looked up
        // a batch at a time by key, rather than every tip id read into memory.
        var stale = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var batch in files.Folders().Where(f => f.CreatedUtc < stale).Select(f => f.TipId).ToList().Chunk(FolderBatch))
        {
            var known = (await db.ReaderTips.Where(t => batch.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var tipId in batch.Where(id => !known.Contains(id)))
            {
                files.DeleteTip(tipId);
            }
        }

        return deleted;
    }

    internal static async Task DeleteAsync(BulletinDbContext db, TipFileStore files, ReaderTip tip, string action, string actor,
        DateOnly today, CancellationToken cancellationToken)
    {
        db.ReaderTips.Remove(tip);
        db.TipAudit.Add(new TipAuditEntry(tip.Id, action, actor, today));
        await db.SaveChangesAsync(cancellationToken);
        // After the commit: a crash in between leaves sealed files that the next pass sweeps, never a row without files.
        files.DeleteTip(tip.Id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                var deleted = await RunOnceAsync(stoppingToken);
                if (deleted > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Tip retention deleted {Count} tips.", deleted);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException)
            {
                var error = e.GetType().Name;
                logger.LogWarning("Tip retention failed this time and will run again: {Error}", error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
