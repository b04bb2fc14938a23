using Bulletin.Caching;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// Follows the outbox and brings this node's derived state up to date: evicts cached public pages whose story or
/// lists changed, tells open rundown pages and prompters, and updates the search index. Each node keeps its own place: it starts where its search index
/// left off (its page cache is empty at start, so evicting again is harmless).
/// </summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes,
    PageCache cache,
    SearchIndexService search,
    Site.SiteSnapshots snapshots,
    OutboxSignal signal,
    Broadcast.Mos.MosRundownFeed rundowns,
    Broadcast.Live.RundownLive live,
    ILogger<OutboxProcessor> logger) : BackgroundService
{
    public const string PublicPagesTag = PageCache.AllPagesTag;

    private long _lastSeen = -1;

    public static string StoryTag(Guid storyId) => $"story:{storyId:N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A backlog (a node catching up after a restart, a large import) is read batch after batch.
                while (await ProcessAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(signal.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private const int BatchSize = 500;

    /// <summary>Handles the next batch of outbox rows this node has not seen yet; returns how many it read.</summary>
    public async Task<int> ProcessAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        if (_lastSeen < 0)
        {
            _lastSeen = search.Position ?? await db.Outbox.NewestIdAsync(cancellationToken);
        }

        // Ids are in commit order (OutboxOrdering), so moving past the last row read skips nothing.
        var messages = await db.Outbox.After(_lastSeen, BatchSize).ToListAsync(cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var storyIds = messages.Select(m => m.StoryId).Distinct().ToList();
        // Open rundown pages and prompters showing these scripts refetch them; announced first, as the index can take a while.
        await live.StoriesChangedAsync(storyIds);
        // Pages before the index too: evicting is instant, while the index's commit waits for the disk, and readers of
        // this node should not wait for it to see a publish or a kill. Should indexing fail, the rows are read again
        // and the pages evicted twice, which is harmless.
        EvictPages(cache, snapshots, messages.Select(m => (m.StoryId, m.Kind)));
        await search.ApplyAsync(storyIds, messages[^1].Id, db, cancellationToken);
        _lastSeen = messages[^1].Id;
        // Every saved story passes here (staff edits, imports, the scheduler): rundowns on air that hold one are sent
        // to the studio again. After the index moved on, so a studio that is down cannot hold the search back.
        try
        {
            await rundowns.StoriesChangedAsync(db, storyIds, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRundownsFailed(logger, e);
        }

        LogProcessed(logger, messages.Count, _lastSeen);
        return messages.Count;
    }

    /// <summary>
    /// Drops this node's cached pages that the changes touch. Run for rows read from the outbox, and by the request
    /// that committed a row, before it answers (see <see cref="OutboxSignal.Committed"/>); twice is harmless.
    /// </summary>
    public static void EvictPages(PageCache cache, Site.SiteSnapshots snapshots, IEnumerable<(Guid StoryId, string Kind)> changes)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(snapshots);
        // Edits to working versions change nothing public; evicting on every autosave would empty the cache.
        var publicChanges = changes.Where(c => c.Kind != OutboxKinds.StoryEdited).ToList();
        if (publicChanges.Count > 0)
        {
            // Before any page is evicted: a page rendered after its eviction must not be built from the old snapshot.
            snapshots.Invalidate();
        }

        foreach (var storyId in publicChanges.Select(c => c.StoryId).Distinct())
        {
            cache.EvictByTag(StoryTag(storyId));
        }

        // Any public change can move a story in or out of the home page, a section or a list.
        if (publicChanges.Count > 0)
        {
            cache.EvictByTag(PublicPagesTag);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing the outbox failed; it will be tried again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending changed scripts to the studio's MOS devices failed")]
    private static partial void LogRundownsFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Processed {Count} outbox rows, up to {LastId}")]
    private static partial void LogProcessed(ILogger logger, int count, long lastId);
}
