using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Bulletin.Search;

/// <summary>
/// One physical index folder with its writer and its near-real-time searchers. A rebuild creates a new
/// generation beside the live one and swaps them, so the live one is never half-rewritten.
/// </summary>
internal sealed class IndexGeneration
{
    private const double WriterBufferMegabytes = 64;

    // Near-real-time refreshes after single writes produce tiny segments; keeping those in memory until they are
    // merged or committed makes a refresh cost a fraction of a millisecond instead of several file writes.
    private const double CachedSegmentMegabytes = 4;
    private const double CacheMegabytes = 48;

    private IndexGeneration(string folder, Lucene.Net.Store.Directory directory, IndexWriter writer, bool mergesOnWritingThread = false)
    {
        Folder = folder;
        MergesOnWritingThread = mergesOnWritingThread;
        Directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder { get; }
    public Lucene.Net.Store.Directory Directory { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }

    /// <summary>True when segments are merged by the thread that adds documents, not by background threads.</summary>
    public bool MergesOnWritingThread { get; }

    /// <summary>An empty index, committed at once so that the folder is a valid index even if nothing follows.</summary>
    /// <param name="mergeOnWritingThread">
    /// Merge segments on the thread that adds documents (a rebuild at low priority), not on background threads that
    /// would run at the site's priority.
    /// </param>
    public static IndexGeneration Create(string folder, Analyzer analyzer, bool mergeOnWritingThread = false)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = new NRTCachingDirectory(FSDirectory.Open(folder), CachedSegmentMegabytes, CacheMegabytes);
        try
        {
            var config = Config(analyzer, OpenMode.CREATE);
            if (mergeOnWritingThread)
            {
                config.MergeScheduler = new SerialMergeScheduler();
            }

            var writer = new IndexWriter(directory, config);
            writer.Commit();
            return new IndexGeneration(folder, directory, writer, mergeOnWritingThread);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the index in the folder; with <paramref name="verify"/>, after reading every file's checksum, so that a
    /// damaged index is found now rather than by the first reader who searches. Throws when the index is missing or
    /// (when verified) damaged.
    /// </summary>
    public static IndexGeneration OpenExisting(string folder, Analyzer analyzer, bool verify = true)
    {
        var directory = new NRTCachingDirectory(FSDirectory.Open(folder), CachedSegmentMegabytes, CacheMegabytes);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new CorruptIndexException($"No index in {Path.GetFileName(folder)}.");
            }

            if (verify)
            {
                Verify(directory);
            }

            var writer = new IndexWriter(directory, Config(analyzer, OpenMode.APPEND));
            return new IndexGeneration(folder, directory, writer);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Reads every file of the last commit and checks its checksum; throws when one is damaged.</summary>
    public void Verify() => Verify(Directory);

    private static void Verify(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        foreach (var leaf in reader.Leaves)
        {
            leaf.AtomicReader.CheckIntegrity();
        }
    }

    /// <summary>Makes the changes so far durable and closes everything.</summary>
    public void Close()
    {
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    /// <summary>Closes without committing and deletes the folder: for a replaced or abandoned generation.</summary>
    public void Discard()
    {
        Searchers.Dispose();
        Writer.Rollback();
        Directory.Dispose();
        DeleteFolder(Folder);
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover folder only costs disk space; it is removed the next time the index is opened.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IndexWriterConfig Config(Analyzer analyzer, OpenMode mode) =>
        new(StoryAnalyzer.Version, analyzer)
        {
            OpenMode = mode,
            RAMBufferSizeMB = WriterBufferMegabytes,
        };
}
