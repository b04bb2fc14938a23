using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Hosting;
using Bulletin.Search;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// This node's search index, in the data directory, kept current from the outbox. The index remembers the last
/// outbox row it holds (a small file beside it), so changes made while Bulletin was stopped are caught up at
/// start. A missing or damaged index is rebuilt from the database in the background while the site serves.
/// </summary>
/// <remarks>
/// Nothing done at start grows with the archive: the index is opened without reading its files, which are checked
/// afterwards, in the background. The background work runs on one thread of the lowest priority, reading the
/// database in short batches (no read transaction held for minutes), so readers keep the processor: when the
/// priority cannot be lowered it rests as long as it works. <see cref="Progress"/> says how far it is.
/// </remarks>
public sealed partial class SearchIndexService(
    DataDirectory dataDirectory,
    IServiceScopeFactory scopes,
    ILogger<SearchIndexService> logger) : IHostedService, IDisposable
{
    public const string FolderName = "search";
    private const string PositionFileName = "outbox-position";

    private const int BatchSize = 500;

    private StoryIndex? _index;
    private Task _rebuild = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();
    private volatile SearchIndexProgress _progress = new(SearchIndexState.Checking, 0, 0);

    /// <summary>How far the index is: checking, rebuilding (with a count), ready or failed.</summary>
    public SearchIndexProgress Progress => _progress;

    public StoryIndex Index => _index ?? throw new InvalidOperationException("The search index is not open yet.");

    /// <summary>The last outbox row the index holds; null when unknown (a new or damaged index).</summary>
    public long? Position { get; private set; }

    /// <summary>
    /// Finishes when the background work started at start-up (checking the index, rebuilding it when needed) is
    /// done; tests wait on it.
    /// </summary>
    public Task Rebuild => _rebuild;

    public static string FolderOf(DataDirectory dataDirectory) => dataDirectory.Combine(FolderName);

    /// <summary>
    /// Opens the index without reading its files; <see cref="Position"/> is null afterwards when it must be rebuilt.
    /// </summary>
    public void Open()
    {
        var folder = FolderOf(dataDirectory);
        _index = StoryIndex.Open(folder, verify: false, out var needsRebuild);
        Position = needsRebuild ? null : ReadPosition(folder);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Open();
        var needsRebuild = Position is null;
        long from;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The newest outbox row (an indexed maximum): the rebuild covers it, the outbox processor follows on from it.
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            from = await db.Outbox.NewestIdAsync(cancellationToken);
            // Stopped for longer than the outbox keeps rows, the index has missed changes it can no longer read.
            if (Position is { } position && !await db.Outbox.CanFollowOnAsync(position, cancellationToken))
            {
                LogBehind(logger, position);
                Position = null;
                needsRebuild = true;
            }
        }

        if (needsRebuild)
        {
            LogRebuilding(logger, FolderOf(dataDirectory));
            _progress = new SearchIndexProgress(SearchIndexState.Rebuilding, 0, 0);
        }

        var stopping = _stopping.Token;
        _rebuild = OnLowPriorityThread(lowered =>
        {
            if (!needsRebuild)
            {
                if (Index.IsIntact())
                {
                    _progress = new SearchIndexProgress(SearchIndexState.Ready, Index.Count, Index.Count);
                    return;
                }

                LogDamaged(logger, FolderOf(dataDirectory));
                Position = null;
                from = NewestOutboxRow();
            }

            RebuildInBackground(from, lowered, stopping);
        });
    }

    /// <summary>
    /// Rebuilds the whole index from the database as fast as the machine allows (the reindex verb, with the site
    /// stopped); <paramref name="outboxPosition"/> is the newest row it covers.
    /// </summary>
    public async Task RebuildAsync(long outboxPosition, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await Index.RebuildAsync(AllStoriesAsync(cancellationToken), progress, cancellationToken);
            Index.Commit();
            SavePosition(outboxPosition);
            LogRebuilt(logger, Index.Count);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start sees no position and rebuilds again.
        }
        catch (Exception e)
        {
            LogRebuildFailed(logger, e);
        }
    }

    /// <summary>Brings the stories named by these outbox rows up to date in the index, then remembers the position.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<Guid> storyIds, long outboxPosition, BulletinDbContext db,
        CancellationToken cancellationToken)
    {
        var published = await db.PublishedStories.AsNoTracking().Where(s => storyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var drafts = storyIds.Where(id => !published.ContainsKey(id)).ToList();
        var stories = await db.Stories.AsNoTracking().Where(s => drafts.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var sections = await SectionSlugsAsync(db, cancellationToken);
        foreach (var id in storyIds)
        {
            if (published.TryGetValue(id, out var live))
            {
                Index.Index(SearchDocument.From(live, SlugOf(sections, live.SectionId)));
            }
            else if (stories.TryGetValue(id, out var story))
            {
                Index.Index(SearchDocument.From(story, SlugOf(sections, story.SectionId)));
            }
            else
            {
                Index.Remove(id);
            }
        }

        Index.Commit();
        if (Position is not null)
        {
            SavePosition(outboxPosition);
        }
    }

    private Task OnLowPriorityThread(Action<bool> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                work(LowPriorityThread.TryLowerCurrent());
                done.SetResult();
            }
            catch (Exception e)
            {
                LogRebuildFailed(logger, e);
                _progress = _progress with { State = SearchIndexState.Failed };
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "search index",
        };
        thread.Start();
        return done.Task;
    }

    private long NewestOutboxRow()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BulletinDbContext>().Outbox.Max(m => (long?)m.Id) ?? 0;
    }

    /// <summary>The start-up rebuild: on the calling (low-priority) thread, synchronously, in short batches.</summary>
    private void RebuildInBackground(long outboxPosition, bool lowered, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var total = db.Stories.LongCount();
        _progress = new SearchIndexProgress(SearchIndexState.Rebuilding, 0, total);
        LogRebuildStarted(logger, total, lowered ? "the lowest priority" : "half of one core (the priority could not be lowered)");
        try
        {
            Index.Rebuild(StoriesInBatches(db, lowered, cancellationToken), new RebuildProgress(this, logger, total), cancellationToken);
            Index.Commit();
            SavePosition(outboxPosition);
            _progress = new SearchIndexProgress(SearchIndexState.Ready, Index.Count, Math.Max(total, Index.Count));
            LogRebuilt(logger, Index.Count);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the next start sees no position and rebuilds again.
        }
        catch (Exception e)
        {
            _progress = _progress with { State = SearchIndexState.Failed };
            LogRebuildFailed(logger, e);
        }
    }

    /// <summary>
    /// Every story, a batch at a time in id order: each batch is one short query, so no read transaction is held
    /// for the length of the rebuild (which would keep SQLite from checkpointing its log). A published story is
    /// indexed as readers see it (its row in the read model), any other as it is being written. Without a lowered
    /// priority it rests after each batch as long as the batch took, reading and indexing together.
    /// </summary>
    private static IEnumerable<SearchDocument> StoriesInBatches(BulletinDbContext db, bool lowered, CancellationToken cancellationToken)
    {
        var sections = db.Sections.AsNoTracking().ToDictionary(s => s.Id, s => s.Slug);
        Guid? after = null;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var query = db.PublishedStories.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(s => s.Id > last);
            }

            var batch = query.OrderBy(s => s.Id).Take(BatchSize).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var live in batch)
            {
                yield return SearchDocument.From(live, SlugOf(sections, live.SectionId));
            }

            after = batch[^1].Id;
            Rest(started, lowered, cancellationToken);
        }

        after = null;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var query = db.Stories.AsNoTracking().Where(s => s.Status != StoryStatus.Published);
            if (after is { } last)
            {
                query = query.Where(s => s.Id > last);
            }

            var batch = query.OrderBy(s => s.Id).Take(BatchSize).ToList();
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var story in batch)
            {
                yield return SearchDocument.From(story, SlugOf(sections, story.SectionId));
            }

            after = batch[^1].Id;
            Rest(started, lowered, cancellationToken);
        }
    }

    private static void Rest(long started, bool lowered, CancellationToken cancellationToken)
    {
        if (!lowered)
        {
            cancellationToken.WaitHandle.WaitOne(Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Keeps <see cref="Progress"/> current and logs every tenth of the way.</summary>
    private sealed class RebuildProgress(SearchIndexService service, ILogger logger, long total) : IProgress<int>
    {
        private int _logged;

        public void Report(int value)
        {
            service._progress = new SearchIndexProgress(SearchIndexState.Rebuilding, value, total);
            var percent = service._progress.Percent;
            if (percent / 10 > _logged && percent < 100)
            {
                _logged = percent / 10;
                LogRebuildProgress(logger, percent, value, total);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        // The rebuild's thread has the lowest priority: on a busy machine it may take a while to see the cancellation.
        // Stopping does not wait for it beyond a few seconds; an unfinished rebuild leaves no position, so the next
        // start rebuilds again.
        await Task.WhenAny(_rebuild, Task.Delay(StopWait, cancellationToken)).ConfigureAwait(false);
    }

    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    public void Dispose()
    {
        _index?.Dispose();
        _stopping.Dispose();
    }

    private async IAsyncEnumerable<SearchDocument> AllStoriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var sections = await SectionSlugsAsync(db, cancellationToken);
        // A published story is indexed as readers see it (its row in the read model); any other as it is being
        // written. So staff search finds a live story by its published words, not by unpublished edits to it.
        await foreach (var live in db.PublishedStories.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return SearchDocument.From(live, SlugOf(sections, live.SectionId));
        }

        await foreach (var story in db.Stories.AsNoTracking().Where(s => s.Status != StoryStatus.Published)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return SearchDocument.From(story, SlugOf(sections, story.SectionId));
        }
    }

    private static Task<Dictionary<Guid, string>> SectionSlugsAsync(BulletinDbContext db, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Slug, cancellationToken);

    private static string? SlugOf(Dictionary<Guid, string> sections, Guid? id) =>
        id is { } key && sections.TryGetValue(key, out var slug) ? slug : null;

    private static long? ReadPosition(string folder)
    {
        var path = Path.Combine(folder, PositionFileName);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : null;
    }

    private void SavePosition(long position)
    {
        // Written beside and renamed over, so a crash leaves the old position or the new one, never half of one.
        var folder = FolderOf(dataDirectory);
        var path = Path.Combine(folder, PositionFileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, position.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
        Position = position;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index in {Folder} is new or damaged; rebuilding it from the database while the site serves")]
    private static partial void LogRebuilding(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index holds changes up to outbox row {Position}, and the rows after it are no longer kept; rebuilding it")]
    private static partial void LogBehind(ILogger logger, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index in {Folder} is damaged; rebuilding it from the database while the site serves")]
    private static partial void LogDamaged(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index: {Total} stories, at {Priority}")]
    private static partial void LogRebuildStarted(ILogger logger, long total, string priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the search index: {Percent}% ({Indexed} of {Total} stories)")]
    private static partial void LogRebuildProgress(ILogger logger, int percent, int indexed, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "The search index was rebuilt: {Count} stories")]
    private static partial void LogRebuilt(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the search index failed; search answers from what it has, and the next start tries again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
