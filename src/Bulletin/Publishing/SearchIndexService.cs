using System.Globalization;
using System.Runtime.CompilerServices;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Hosting;
using Bulletin.Search;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// This node's search index, in the data directory, kept current from the outbox. The index remembers the last
/// outbox row it holds (a small file beside it), so changes made while Bulletin was stopped are caught up at
/// start. A missing or damaged index is rebuilt from the database in the background while the site serves.
/// </summary>
public sealed partial class SearchIndexService(
    DataDirectory dataDirectory,
    IServiceScopeFactory scopes,
    ILogger<SearchIndexService> logger) : IHostedService, IDisposable
{
    public const string FolderName = "search";
    private const string PositionFileName = "outbox-position";

    private StoryIndex? _index;
    private Task _rebuild = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();

    public StoryIndex Index => _index ?? throw new InvalidOperationException("The search index is not open yet.");

    /// <summary>The last outbox row the index holds; null when unknown (a new or damaged index).</summary>
    public long? Position { get; private set; }

    /// <summary>Finishes when a rebuild started at start-up is done; tests and the reindex verb wait on it.</summary>
    public Task Rebuild => _rebuild;

    public static string FolderOf(DataDirectory dataDirectory) => dataDirectory.Combine(FolderName);

    /// <summary>Opens the index; <see cref="Position"/> is null afterwards when it must be rebuilt.</summary>
    public void Open()
    {
        var folder = FolderOf(dataDirectory);
        _index = StoryIndex.Open(folder, out var needsRebuild);
        Position = needsRebuild ? null : ReadPosition(folder);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Open();
        if (Position is null)
        {
            LogRebuilding(logger, FolderOf(dataDirectory));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            var from = await db.Outbox.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
            _rebuild = Task.Run(() => RebuildAsync(from, null, _stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Rebuilds the whole index from the database; <paramref name="outboxPosition"/> is the newest row it covers.</summary>
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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return _rebuild.WaitAsync(cancellationToken);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "The search index was rebuilt: {Count} stories")]
    private static partial void LogRebuilt(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the search index failed; search answers from what it has, and the next start tries again")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
