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

    private IndexGeneration(string folder, Lucene.Net.Store.Directory directory, IndexWriter writer)
    {
        Folder = folder;
        Directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Folder { get; }
    public Lucene.Net.Store.Directory Directory { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }

    /// <summary>An empty index, committed at once so that the folder is a valid index even if nothing follows.</summary>
    public static IndexGeneration Create(string folder, Analyzer analyzer)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = new NRTCachingDirectory(FSDirectory.Open(folder), CachedSegmentMegabytes, CacheMegabytes);
        try
        {
            var writer = new IndexWriter(directory, Config(analyzer, OpenMode.CREATE));
            writer.Commit();
            return new IndexGeneration(folder, directory, writer);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the index in the folder after reading every file's checksum, so that a damaged index is found now
    /// rather than by the first reader who searches. Throws when the index is missing or damaged.
    /// </summary>
    public static IndexGeneration OpenExisting(string folder, Analyzer analyzer)
    {
        var directory = new NRTCachingDirectory(FSDirectory.Open(folder), CachedSegmentMegabytes, CacheMegabytes);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new CorruptIndexException($"No index in {Path.GetFileName(folder)}.");
            }

            using (var reader = DirectoryReader.Open(directory))
            {
                foreach (var leaf in reader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
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
