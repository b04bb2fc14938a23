using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Bulletin.Core.Stories;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Bulletin.Search;

/// <summary>
/// The full-text index of stories on local disk. Any number of threads may search while one writes; a change is
/// searchable as soon as <see cref="Index"/> or <see cref="Remove"/> returns, and durable after <see cref="Commit"/>
/// (or disposal). Each node keeps its own index, fed from the outbox and rebuilt from the database.
/// </summary>
/// <remarks>
/// The folder holds one or more generations ("index-…") and a file naming the live one. A rebuild writes a new
/// generation and only then points the file at it, so a crash at any moment leaves a complete index behind.
/// </remarks>
public sealed class StoryIndex : IDisposable
{
    private const string PointerFileName = "current";
    private const string GenerationPrefix = "index-";

    // Deep pages cost memory in proportion to their depth; nobody reads past this many results.
    private const int MaxDepth = 10_000;

    private static readonly Sort NewestFirst = new(
        new SortField(StoryFields.PublishedAtSort, SortFieldType.INT64, reverse: true),
        SortField.FIELD_SCORE);

    private readonly string _root;
    private readonly Analyzer _analyzer;

    // Searches and writes hold it for reading; swapping in a rebuilt generation holds it for writing.
    private readonly ReaderWriterLockSlim _swap = new();

    // One write at a time, so that writes made during a rebuild are replayed in the order they were made.
    private readonly System.Threading.Lock _writeGate = new();

    private IndexGeneration _live;
    private ConcurrentQueue<Action<IndexWriter>>? _writesDuringRebuild;
    private int _rebuilding;
    private volatile bool _needsRebuild;
    private bool _disposed;

    private StoryIndex(string root, Analyzer analyzer, IndexGeneration live, bool needsRebuild)
    {
        _root = root;
        _analyzer = analyzer;
        _live = live;
        _needsRebuild = needsRebuild;
    }

    /// <summary>
    /// True when the index was missing or damaged when it was opened and has not been rebuilt since: it is
    /// empty, or holds only what was indexed after opening.
    /// </summary>
    public bool NeedsRebuild => _needsRebuild;

    /// <summary>The number of stories in the index, drafts included.</summary>
    public int Count
    {
        get
        {
            using var _ = ReadLock();
            var searcher = _live.Searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _live.Searchers.Release(searcher);
            }
        }
    }

    public static StoryIndex Open(string directory) => Open(directory, out _);

    /// <summary>
    /// Opens the index in <paramref name="directory"/>, creating the folder if needed. A missing or damaged index is
    /// never an error: an empty one takes its place and <paramref name="needsRebuild"/> says so.
    /// </summary>
    /// <exception cref="LockObtainFailedException">Another writer (another process) has the index open.</exception>
    public static StoryIndex Open(string directory, out bool needsRebuild) => Open(directory, verify: true, out needsRebuild);

    /// <summary>
    /// As <see cref="Open(string, out bool)"/>; with <paramref name="verify"/> false the files' checksums are not read
    /// now (that costs a read of the whole index, which grows with the archive): call <see cref="IsIntact"/> later,
    /// off the path that starts the site.
    /// </summary>
    public static StoryIndex Open(string directory, bool verify, out bool needsRebuild)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(root);
        var analyzer = StoryAnalyzer.Create();
        try
        {
            var live = OpenLive(root, analyzer, verify, out needsRebuild);
            RemoveOtherGenerations(root, live.Folder);
            return new StoryIndex(root, analyzer, live, needsRebuild);
        }
        catch
        {
            analyzer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads every file of the last commit and checks its checksum: false when the index is damaged and should be
    /// rebuilt. Costs a read of the whole index.
    /// </summary>
    public bool IsIntact()
    {
        using var _ = ReadLock();
        try
        {
            _live.Verify();
            return true;
        }
        catch (LockObtainFailedException)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever a damaged file makes Lucene throw, the answer is the same: rebuild.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Adds the story, or replaces the one with the same id.</summary>
    public void Index(SearchDocument story)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentException.ThrowIfNullOrWhiteSpace(story.Headline, nameof(story));
        Write(writer => writer.UpdateDocument(StoryFields.IdTerm(story.Id), StoryFields.ToDocument(story)));
    }

    /// <summary>Takes the story out of the index; nothing happens when it is not there.</summary>
    public void Remove(Guid id) => Write(writer => writer.DeleteDocuments(StoryFields.IdTerm(id)));

    /// <summary>Writes the changes so far to disk, so they survive a crash.</summary>
    public void Commit()
    {
        using var _ = ReadLock();
        lock (_writeGate)
        {
            _live.Writer.Commit();
        }
    }

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var textQuery = StoryQueryBuilder.ForText(_analyzer, query.Text, out var nothingToFind);
        if (nothingToFind)
        {
            return SearchResults.Empty;
        }

        var filter = StoryQueryBuilder.ForFilters(query);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var skip = (long)(page - 1) * pageSize;
        var depth = (int)Math.Min(skip + pageSize, MaxDepth);

        using var _ = ReadLock();
        var searchers = _live.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            // Without words there is no relevance to order by, so the latest stories come first.
            var top = textQuery is null || query.Order == SearchOrder.Newest
                ? searcher.Search(textQuery ?? new MatchAllDocsQuery(), filter, depth, NewestFirst,
                    doDocScores: textQuery is not null, doMaxScore: false)
                : searcher.Search(textQuery, filter, depth);

            var hits = new List<SearchHit>(pageSize);
            for (var i = skip; i < top.ScoreDocs.Length && hits.Count < pageSize; i++)
            {
                hits.Add(ToHit(searcher, top.ScoreDocs[i], textQuery));
            }

            return new SearchResults(top.TotalHits, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Replaces the whole index with <paramref name="stories"/>. The new index is written beside the live one, which
    /// keeps answering searches (and taking writes, which are carried over) until the new one is complete.
    /// If the rebuild fails or is cancelled, the live index is left as it was.
    /// </summary>
    /// <param name="progress">Told the number of stories written so far, every thousand and at the end.</param>
    public async Task RebuildAsync(
        IAsyncEnumerable<SearchDocument> stories,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var (fresh, writes) = BeginRebuild(mergeOnWritingThread: false);
        try
        {
            var count = await WriteAllAsync(fresh.Writer, stories, progress, cancellationToken);
            fresh = CompleteRebuild(fresh, writes);
            progress?.Report(count);
        }
        finally
        {
            EndRebuild(fresh);
        }
    }

    /// <summary>
    /// As <see cref="RebuildAsync"/>, with every part of the work (reading the source, analysis, merging segments)
    /// on the calling thread: a caller that lowered its thread's priority rebuilds without taking the cores that
    /// serve readers, however long it takes.
    /// </summary>
    public void Rebuild(IEnumerable<SearchDocument> stories, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var (fresh, writes) = BeginRebuild(mergeOnWritingThread: true);
        try
        {
            var seen = new HashSet<Guid>();
            var count = 0;
            foreach (var story in stories)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The source should list each story once; a repeat replaces the first rather than doubling it.
                if (seen.Add(story.Id))
                {
                    fresh.Writer.AddDocument(StoryFields.ToDocument(story));
                    if (++count % 1000 == 0)
                    {
                        progress?.Report(count);
                    }
                }
                else
                {
                    fresh.Writer.UpdateDocument(StoryFields.IdTerm(story.Id), StoryFields.ToDocument(story));
                }
            }

            fresh = CompleteRebuild(fresh, writes);
            progress?.Report(count);
        }
        finally
        {
            EndRebuild(fresh);
        }
    }

    private (IndexGeneration Fresh, ConcurrentQueue<Action<IndexWriter>> Writes) BeginRebuild(bool mergeOnWritingThread)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.CompareExchange(ref _rebuilding, 1, 0) != 0)
        {
            throw new InvalidOperationException("The index is already being rebuilt.");
        }

        try
        {
            var writesDuringRebuild = new ConcurrentQueue<Action<IndexWriter>>();
            lock (_writeGate)
            {
                _writesDuringRebuild = writesDuringRebuild;
            }

            return (IndexGeneration.Create(NewGenerationFolder(), _analyzer, mergeOnWritingThread), writesDuringRebuild);
        }
        catch
        {
            lock (_writeGate)
            {
                _writesDuringRebuild = null;
            }

            Volatile.Write(ref _rebuilding, 0);
            throw;
        }
    }

    /// <summary>Replays the writes made meanwhile and makes the new generation the live one. Returns null: nothing left to abandon.</summary>
    private IndexGeneration? CompleteRebuild(IndexGeneration fresh, ConcurrentQueue<Action<IndexWriter>> writesDuringRebuild)
    {
        // The long commit happens outside the gate; only the replay of recent writes holds writers up.
        fresh.Writer.Commit();
        if (fresh.MergesOnWritingThread)
        {
            // Merging on the writer's thread suits a rebuild, not the live index: reopened with background merges.
            var folder = fresh.Folder;
            fresh.Close();
            fresh = IndexGeneration.OpenExisting(folder, _analyzer, verify: false);
        }

        IndexGeneration replaced;
        // The swap lock before the write gate, as every writer (read lock, then gate) and Dispose take them: the other
        // order deadlocked a rebuild finishing while the outbox wrote a story. Searches wait only for the replay.
        _swap.EnterWriteLock();
        try
        {
            lock (_writeGate)
            {
                while (writesDuringRebuild.TryDequeue(out var write))
                {
                    write(fresh.Writer);
                }

                fresh.Writer.Commit();
                fresh.Searchers.MaybeRefreshBlocking();
                WritePointer(_root, fresh.Folder);
                replaced = _live;
                _live = fresh;
                _writesDuringRebuild = null;
            }
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        replaced.Discard();
        _needsRebuild = false;
        return null;
    }

    private void EndRebuild(IndexGeneration? abandoned)
    {
        if (abandoned is not null)
        {
            lock (_writeGate)
            {
                _writesDuringRebuild = null;
            }

            abandoned.Discard();
        }

        Volatile.Write(ref _rebuilding, 0);
    }

    /// <summary>
    /// Analysis is the costly part of indexing and IndexWriter takes documents from several threads at once, so
    /// one reader of the source feeds one writer per processor.
    /// </summary>
    private static async Task<int> WriteAllAsync(
        IndexWriter writer, IAsyncEnumerable<SearchDocument> stories, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(1_000)
        {
            SingleReader = false,
            SingleWriter = true,
        });
        var seen = new HashSet<Guid>();
        var repeats = new List<SearchDocument>();
        var written = 0;
        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (queue.Reader.TryRead(out var story))
                    {
                        writer.AddDocument(StoryFields.ToDocument(story));
                        if (Interlocked.Increment(ref written) % 1000 == 0)
                        {
                            progress?.Report(Volatile.Read(ref written));
                        }
                    }
                }
            }
            catch (Exception failure)
            {
                // Stops the reader of the source, which would otherwise wait for room in the queue forever.
                queue.Writer.TryComplete(failure);
                throw;
            }
        }, cancellationToken)).ToList();

        try
        {
            await foreach (var story in stories.WithCancellation(cancellationToken))
            {
                // The source should list each story once; a repeat replaces the first (below, once every first
                // copy is written) rather than doubling it.
                if (seen.Add(story.Id))
                {
                    await queue.Writer.WriteAsync(story, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    repeats.Add(story);
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        foreach (var story in repeats)
        {
            writer.UpdateDocument(StoryFields.IdTerm(story.Id), StoryFields.ToDocument(story));
        }

        return written;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _swap.EnterWriteLock();
        try
        {
            _disposed = true;
            lock (_writeGate)
            {
                _live.Close();
            }
        }
        finally
        {
            _swap.ExitWriteLock();
        }

        _analyzer.Dispose();
        // The lock itself is not disposed: a thread still working (a rebuild that has not yet seen the stop) may be
        // entering it just to learn that the index is closed, and disposing a lock in use throws. It holds no
        // unmanaged resource the collector cannot take.
    }

    private void Write(Action<IndexWriter> write)
    {
        using var _ = ReadLock();
        lock (_writeGate)
        {
            write(_live.Writer);
            _writesDuringRebuild?.Enqueue(write);
            _live.Searchers.MaybeRefreshBlocking();
        }
    }

    private SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, Query? textQuery)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        var language = LanguageCodes.Parse(document.Get(StoryFields.Language, CultureInfo.InvariantCulture));
        var headline = document.Get(StoryFields.StoredHeadline, CultureInfo.InvariantCulture) ?? "";
        var body = document.Get(StoryFields.StoredBody, CultureInfo.InvariantCulture) ?? "";
        var publishedAt = document.GetField(StoryFields.PublishedAt)?.GetInt64Value() is { } milliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : (DateTimeOffset?)null;

        return new SearchHit(
            Guid.ParseExact(document.Get(StoryFields.Id, CultureInfo.InvariantCulture), "N"),
            headline,
            SnippetWriter.Write(_analyzer, textQuery, language, headline, body),
            publishedAt,
            float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score);
    }

    private ReadLockScope ReadLock()
    {
        _swap.EnterReadLock();
        if (_disposed)
        {
            _swap.ExitReadLock();
            throw new ObjectDisposedException(nameof(StoryIndex));
        }

        return new ReadLockScope(_swap);
    }

    private string NewGenerationFolder() =>
        Path.Combine(_root, GenerationPrefix + Guid.CreateVersion7().ToString("N"));

    private static IndexGeneration OpenLive(string root, Analyzer analyzer, bool verify, out bool needsRebuild)
    {
        var pointer = Path.Combine(root, PointerFileName);
        var name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : "";
        if (IsGenerationName(name) && System.IO.Directory.Exists(Path.Combine(root, name)))
        {
            try
            {
                needsRebuild = false;
                return IndexGeneration.OpenExisting(Path.Combine(root, name), analyzer, verify);
            }
            catch (LockObtainFailedException)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever a damaged file makes Lucene throw, the answer is the same: start empty and rebuild.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        needsRebuild = true;
        var fresh = IndexGeneration.Create(Path.Combine(root, GenerationPrefix + Guid.CreateVersion7().ToString("N")), analyzer);
        WritePointer(root, fresh.Folder);
        return fresh;
    }

    /// <summary>Points the folder at a generation; the rename is atomic, so the file is always whole.</summary>
    private static void WritePointer(string root, string generationFolder)
    {
        var pointer = Path.Combine(root, PointerFileName);
        var temporary = pointer + ".tmp";
        File.WriteAllText(temporary, Path.GetFileName(generationFolder));
        File.Move(temporary, pointer, overwrite: true);
    }

    /// <summary>Removes damaged generations and those left by a rebuild that never finished.</summary>
    private static void RemoveOtherGenerations(string root, string liveFolder)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(root, GenerationPrefix + "*"))
        {
            if (!string.Equals(Path.GetFullPath(folder), Path.GetFullPath(liveFolder), StringComparison.Ordinal))
            {
                IndexGeneration.DeleteFolder(folder);
            }
        }
    }

    private static bool IsGenerationName(string name) =>
        name.StartsWith(GenerationPrefix, StringComparison.Ordinal)
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && !name.Contains("..", StringComparison.Ordinal);

    private readonly struct ReadLockScope(ReaderWriterLockSlim gate) : IDisposable
    {
        public void Dispose() => gate.ExitReadLock();
    }
}
