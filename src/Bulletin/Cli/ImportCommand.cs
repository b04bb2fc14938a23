using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Hosting;
using Bulletin.Ingest;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Cli;

/// <summary>
/// `bulletin import [--dry-run] [--json] [--verbose] [--publish] [--section SLUG] PATH...`: reads broadcast story
/// pages into stories. A bad file is reported and skipped; the others still import. Exit code 1 when any file failed.
/// </summary>
/// <remarks>
/// Sized for archives of millions of pages: files are listed one directory at a time and read while the previous
/// batch is being stored, a batch is one transaction, and nothing is kept from one batch to the next but counters.
/// </remarks>
public static class ImportCommand
{
    /// <summary>Pages are a few kilobytes; anything this large is not one, and is not read into memory.</summary>
    private const long MaxPageBytes = 4 * 1024 * 1024;

    private const int BatchSize = 500;

    /// <summary>Without --verbose a long run of bad files is summed up, not listed in full.</summary>
    private const int FailuresListed = 20;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Standard output is read by programs and people, never put into a web page: no need to escape quotes or +.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Read and report; store nothing" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array, an object per file" };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Print a line for every file" };
    private static readonly Option<bool> Publish = new("--publish") { Description = "Publish what is stored" };
    private static readonly Option<string?> SectionSlug = new("--section") { Description = "Put the stories in this section (its slug)" };
    private static readonly Option<string> Source = new("--source")
    {
        Description = "The name these pages are known by; importing a page again from the same source updates its story",
        DefaultValueFactory = _ => "page",
    };
    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Files, or directories to read every file under",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("import", "Import broadcast story pages (Korean or English) from files or directories.")
        {
            DryRun, Json, Verbose, Publish, SectionSlug, Source, Paths,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var dryRun = result.GetValue(DryRun);
        var json = result.GetValue(Json);
        var verbose = result.GetValue(Verbose);
        var publish = result.GetValue(Publish);
        var source = result.GetValue(Source) ?? "page";
        await using var host = await CommandHost.OpenAsync(result, migrate: !dryRun, cancellationToken, touchesData: !dryRun);
        if (host is null)
        {
            return 2;
        }

        var clock = host.Get<SiteClock>();
        var paths = result.GetValue(Paths) ?? [];

        BulletinDbContext? db = null;
        Guid? sectionId = null;
        if (!dryRun)
        {
            db = host.Get<BulletinDbContext>();
            if (result.GetValue(SectionSlug) is { } slug)
            {
                sectionId = await db.Sections.Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
                if (sectionId is null)
                {
                    var known = await db.Sections.OrderBy(s => s.Position).Select(s => s.Slug).ToListAsync(cancellationToken);
                    await Console.Error.WriteLineAsync($"bulletin import: there is no section '{slug}'. Sections: {string.Join(", ", known)}.");
                    await db.DisposeAsync();
                    return 2;
                }
            }

            await HoldConnectionAsync(db, cancellationToken);
        }

        await using var _ = db;
        var importer = db is null ? null : host.Get<StoryImporter>();
        using var report = new ImportReport(dryRun, json, verbose, clock);

        // Lines per file and a bar redrawn in place would scramble each other on one terminal.
        var showBar = ConsoleProgress.CanShow && (Console.IsOutputRedirected || (!json && !verbose));
        var total = showBar ? CountFiles(paths) : 0;
        await ConsoleProgress.RunAsync(dryRun ? "Reading" : "Importing", total, showBar, async advance =>
        {
            await ImportAsync(paths, importer, db, source, sectionId, publish, report, advance, cancellationToken);
            return 0;
        });

        report.Finish();
        return report.Failed > 0 ? 1 : 0;
    }

    private static async Task ImportAsync(IEnumerable<string> paths, StoryImporter? importer, BulletinDbContext? db, string source,
        Guid? sectionId, bool publish, ImportReport report, Action<long> advance, CancellationToken cancellationToken)
    {
        // Reading and parsing the next files overlaps storing the last batch; the queue bounds what waits in memory.
        var queue = Channel.CreateBounded<FileOutcome>(new BoundedChannelOptions(2 * BatchSize) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var file in EnumerateFiles(paths))
                {
                    await queue.Writer.WriteAsync(Read(file), cancellationToken);
                }

                queue.Writer.TryComplete();
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e);
            }
        }, cancellationToken);

        var pending = new List<(FileOutcome Outcome, StoryToImport Item)>(BatchSize);
        long done = 0;
        await foreach (var outcome in queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (outcome.Read is { Ok: true, Story: { } content } && importer is not null)
            {
                pending.Add((outcome, new StoryToImport(source, ExternalIdOf(content), content)));
                if (pending.Count == BatchSize)
                {
                    await SaveAsync(importer, db!, pending, sectionId, publish, report, cancellationToken);
                    advance(done += BatchSize);
                }
            }
            else
            {
                report.Write(outcome, stored: null);
                if (++done % 100 == 0)
                {
                    advance(done);
                }
            }
        }

        await reader;
        if (pending.Count > 0)
        {
            await SaveAsync(importer!, db!, pending, sectionId, publish, report, cancellationToken);
        }

        advance(done + pending.Count);
    }

    /// <summary>
    /// One connection for the whole import, rather than one opened (and configured) per batch; on SQLite with a page
    /// cache large enough for the indexes a batch touches, so a big archive is not read back from disk batch by batch.
    /// </summary>
    private static async Task HoldConnectionAsync(BulletinDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Kibibytes when negative: 256 MiB at most, a bound, not a reservation.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", cancellationToken);
        }
    }

    private static async Task SaveAsync(StoryImporter importer, BulletinDbContext db,
        List<(FileOutcome Outcome, StoryToImport Item)> pending, Guid? sectionId, bool publish, ImportReport report,
        CancellationToken cancellationToken)
    {
        try
        {
            var saved = await importer.SaveAsync([.. pending.Select(p => p.Item)], sectionId, publish, cancellationToken);
            for (var i = 0; i < pending.Count; i++)
            {
                report.Write(pending[i].Outcome, saved[i]);
            }
        }
        catch (DbUpdateException e)
        {
            // Nothing of the batch was stored (it is one transaction); say so for each of its files.
            var reason = $"Not stored: the database refused the batch this file was in ({(e.InnerException ?? e).Message}).";
            foreach (var (outcome, _) in pending)
            {
                report.Write(outcome with { Error = reason }, stored: null);
            }
        }

        pending.Clear();
        // What was stored is not needed again: the change tracker stays the size of one batch.
        db.ChangeTracker.Clear();
    }

    /// <summary>A page's identity in its source: the same page read twice gets the same id.</summary>
    public static string ExternalIdOf(StoryContent content)
    {
        var key = $"{content.Language.ToCode()}|{content.PublishedAt?.ToUniversalTime():O}|{content.Headline}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static FileOutcome Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new FileOutcome(path, null, Directory.Exists(path) ? "This is a directory." : "No such file.");
            }

            if (info.Length > MaxPageBytes)
            {
                return new FileOutcome(path, null,
                    $"The file is {info.Length / (1024 * 1024)} MB; a story page is a few kilobytes, so this is not one.");
            }

            var read = BroadcastPageReader.Read(File.ReadAllBytes(path));
            return new FileOutcome(path, read, read.Ok ? null : read.Error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(path, null, $"The file could not be read: {e.Message}");
        }
    }

    private static long CountFiles(IEnumerable<string> paths) => EnumerateFiles(paths).LongCount();

    /// <summary>
    /// Files as given, and every file under a directory (hidden ones aside), in a stable order: each directory's
    /// entries by name, a subdirectory's files where its name falls. Only the names of the directories on the way
    /// down are held, never the whole tree's.
    /// </summary>
    private static IEnumerable<string> EnumerateFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? FilesUnder(path) : [path];
            foreach (var file in files)
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                IgnoreInaccessible = true,
            })
            .Where(e => !e.Name.StartsWith('.'))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo)
            {
                foreach (var file in FilesUnder(entry.FullName))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry.FullName;
            }
        }
    }

    private sealed record FileOutcome(string File, ReadResult? Read, string? Error);

    /// <summary>
    /// Counts each file's outcome and, with --json or --verbose, writes it as it is known: JSON array elements, or a
    /// line of text. Ends with a summary on one line.
    /// </summary>
    private sealed class ImportReport : IDisposable
    {
        private readonly bool _dryRun;
        private readonly bool _verbose;
        private readonly SiteClock _clock;
        private readonly Utf8JsonWriter? _writer;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly List<string> _failures = [];
        private long _created;
        private long _updated;
        private long _unchanged;
        private long _read;
        private long _warnings;

        public ImportReport(bool dryRun, bool json, bool verbose, SiteClock clock)
        {
            _dryRun = dryRun;
            _verbose = verbose && !json;
            _clock = clock;
            if (json)
            {
                _writer = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions
                {
                    Encoder = JsonOptions.Encoder,
                    Indented = true,
                });
                _writer.WriteStartArray();
            }
        }

        public long Failed { get; private set; }

        public void Write(FileOutcome outcome, ImportedStory? stored)
        {
            var ok = outcome.Error is null && outcome.Read is { Ok: true };
            var warnings = outcome.Read?.Warnings ?? [];
            _warnings += warnings.Count;
            if (!ok)
            {
                Failed++;
            }
            else if (stored is null)
            {
                _read++;
            }
            else if (stored.Created)
            {
                _created++;
            }
            else if (stored.Changed)
            {
                _updated++;
            }
            else
            {
                _unchanged++;
            }

            if (_writer is not null)
            {
                var element = new
                {
                    file = outcome.File,
                    ok,
                    error = ok ? null : outcome.Error,
                    warnings,
                    story = ok ? StoryJson.From(outcome.Read!.Story!, _clock, stored?.Story) : null,
                };
                JsonSerializer.Serialize(_writer, element, JsonOptions);
                _writer.Flush();
                return;
            }

            if (!ok)
            {
                var line = $"FAILED  {outcome.File}: {outcome.Error}";
                if (_verbose)
                {
                    Console.Error.WriteLine(line);
                }
                else if (_failures.Count < FailuresListed)
                {
                    // Printed after the progress bar, which a line written now would tear.
                    _failures.Add(line);
                }

                return;
            }

            if (!_verbose)
            {
                return;
            }

            var what = stored is null ? "read" : stored.Created ? "new" : stored.Changed ? "updated" : "unchanged";
            var where = stored is null ? outcome.Read!.Story!.Headline : StoryPaths.Story(stored.Story);
            Console.WriteLine($"{what,-9} {outcome.File} -> {where}");
            foreach (var warning in warnings)
            {
                Console.WriteLine($"          warning: {warning}");
            }
        }

        public void Finish()
        {
            _elapsed.Stop();
            if (_writer is not null)
            {
                _writer.WriteEndArray();
                _writer.Flush();
                Console.Out.WriteLine();
                Dispose();
            }

            foreach (var failure in _failures)
            {
                Console.Error.WriteLine(failure);
            }

            if (Failed > _failures.Count && !_verbose && _writer is null)
            {
                Console.Error.WriteLine($"... and {Failed - _failures.Count:N0} more failed files (--verbose lists every one).");
            }

            // With --json standard output is the array alone; the summary is for the person watching.
            var summary = _writer is null ? Console.Out : Console.Error;
            summary.WriteLine(Summary());
        }

        private string Summary()
        {
            var files = _created + _updated + _unchanged + _read + Failed;
            var stories = files - Failed;
            var seconds = Math.Max(_elapsed.Elapsed.TotalSeconds, 0.001);
            var outcome = _dryRun
                ? $"{_read:N0} read (dry run, nothing stored)"
                : $"{_created:N0} new, {_updated:N0} updated, {_unchanged:N0} unchanged";
            return string.Create(CultureInfo.InvariantCulture,
                $"{files:N0} files: {outcome}, {Failed:N0} failed, {_warnings:N0} warnings; {seconds:N1} s, {stories / seconds:N0} stories/s.");
        }

        public void Dispose() => _writer?.Dispose();
    }
}
