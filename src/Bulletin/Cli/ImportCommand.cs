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
/// `bulletin import [--format auto|page|ninjs|newsml|feed|wxr] [--dry-run] [--json] [--verbose] [--publish]
/// [--section SLUG] [--source NAME] PATH...`: reads files of any format Bulletin takes (told from their contents by
/// default) into stories. A bad file or item is reported and skipped; the others still import. Exit code 1 when any failed.
/// </summary>
/// <remarks>
/// Sized for archives of millions of pages: files are listed one directory at a time and read while the previous
/// batch is being stored, a batch is one transaction, and nothing is kept from one batch to the next but counters.
/// A file may hold many stories (a feed, a WordPress export, a newsMessage): each is an item of the report.
/// </remarks>
public static class ImportCommand
{
    private const int BatchSize = 500;

    /// <summary>Without --verbose a long run of bad files is summed up, not listed in full.</summary>
    private const int FailuresListed = 20;

    /// <summary>The widths of the story table's source and external id columns.</summary>
    private const int MaxSource = 100;
    private const int MaxExternalId = 200;
    private const int MaxVersion = 100;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Standard output is read by programs and people, never put into a web page: no need to escape quotes or +.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Read and report; store nothing" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array, an object per story read (or file that failed)" };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Print a line for every story" };
    private static readonly Option<bool> Publish = new("--publish") { Description = "Publish what is stored (drafts and stories with no time stay drafts)" };
    private static readonly Option<string?> SectionSlug = new("--section") { Description = "Put the stories in this section (its slug)" };
    private static readonly Option<string?> Source = new("--source")
    {
        Description = "The name these stories are known by (default: the agency or site the file names, else the format); importing a story again from the same source updates it",
    };
    private static readonly Option<string> Format = new("--format")
    {
        Description = $"The files' format: {IngestFormats.Names} (auto: told from each file's contents)",
        DefaultValueFactory = _ => "auto",
    };
    private static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "Files, or directories to read every file under",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("import", "Import stories from files or directories: broadcast pages, ninjs, NewsML-G2, RSS, Atom, JSON Feed, WordPress exports.")
        {
            Format, DryRun, Json, Verbose, Publish, SectionSlug, Source, Paths,
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
        var source = result.GetValue(Source);
        if (!IngestFormats.TryParse(result.GetValue(Format), out var format))
        {
            await Console.Error.WriteLineAsync($"bulletin import: '{result.GetValue(Format)}' is not a format. Formats: {IngestFormats.Names}.");
            return 2;
        }

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
            await ImportAsync(paths, format, importer, db, source, sectionId, publish, report, advance, cancellationToken);
            return 0;
        });

        report.Finish();
        return report.Failed > 0 ? 1 : 0;
    }

    private static async Task ImportAsync(IEnumerable<string> paths, IngestFormat format, StoryImporter? importer, BulletinDbContext? db,
        string? source, Guid? sectionId, bool publish, ImportReport report, Action<long> advance, CancellationToken cancellationToken)
    {
        // Reading and parsing the next files overlaps storing the last batch; the queue bounds what waits in memory.
        var queue = Channel.CreateBounded<ItemOutcome>(new BoundedChannelOptions(2 * BatchSize) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var file in EnumerateFiles(paths))
                {
                    foreach (var item in Read(file, format))
                    {
                        await queue.Writer.WriteAsync(item, cancellationToken);
                    }
                }

                queue.Writer.TryComplete();
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e);
            }
        }, cancellationToken);

        var pending = new List<(ItemOutcome Outcome, StoryToImport Item)>(BatchSize);
        long files = 0;
        await foreach (var outcome in queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (outcome.Read is { Ok: true, Story: { } content } read && importer is not null)
            {
                pending.Add((outcome, ToImport(read, content, source)));
                if (pending.Count == BatchSize)
                {
                    await SaveAsync(importer, db!, pending, sectionId, publish, report, cancellationToken);
                    advance(files);
                }
            }
            else
            {
                report.Write(outcome, stored: null);
            }

            if (outcome.LastOfFile && ++files % 100 == 0)
            {
                advance(files);
            }
        }

        await reader;
        if (pending.Count > 0)
        {
            await SaveAsync(importer!, db!, pending, sectionId, publish, report, cancellationToken);
        }

        advance(files);
    }

    /// <summary>
    /// The story as the importer applies it: known by the source the caller names, else the one the file names, else
    /// its format; by the id the source gives it, else (a page) by its language, time and headline.
    /// </summary>
    public static StoryToImport ToImport(ReadResult read, StoryContent content, string? source)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(content);
        var from = source ?? read.Source ?? "page";
        var id = read.Identity is { } identity ? Fit(identity, MaxExternalId) : ExternalIdOf(content);
        return new StoryToImport(Fit(from, MaxSource), id, content)
        {
            Version = read.Version is { Length: > MaxVersion } ? Fit(read.Version, MaxVersion) : read.Version,
            Killed = read.Killed,
            Draft = read.Draft,
            SectionName = read.Section,
        };
    }

    /// <summary>Long ids (some agencies' URIs run past the column) are kept as their hash, which is as unique.</summary>
    private static string Fit(string value, int max) =>
        value.Length <= max ? value : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

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
        List<(ItemOutcome Outcome, StoryToImport Item)> pending, Guid? sectionId, bool publish, ImportReport report,
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
                report.Write(outcome with { Error = reason, Read = null }, stored: null);
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

    /// <summary>The items a file holds, the last marked so; a file that cannot be read is one failed item.</summary>
    private static IEnumerable<ItemOutcome> Read(string path, IngestFormat format)
    {
        IReadOnlyList<ReadResult> results;
        var kind = format;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [new ItemOutcome(path, format, null, Directory.Exists(path) ? "This is a directory." : "No such file.", true)];
            }

            if (info.Length > StoryFiles.MaxBytes)
            {
                return [new ItemOutcome(path, format, null,
                    $"The file is {info.Length / (1024 * 1024)} MB; Bulletin reads files of up to {StoryFiles.MaxBytes / (1024 * 1024)} MB.", true)];
            }

            var bytes = File.ReadAllBytes(path);
            if (kind == IngestFormat.Auto)
            {
                kind = StoryFiles.Sniff(bytes);
            }

            results = StoryFiles.Read(bytes, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ItemOutcome(path, format, null, $"The file could not be read: {e.Message}", true)];
        }

        if (results.Count == 0)
        {
            // A feed with no entries, an export with no posts: read, with nothing in it to store.
            return [new ItemOutcome(path, kind, null, null, true)];
        }

        return results.Select((r, i) => new ItemOutcome(path, kind, r, r.Ok ? null : r.Error, i == results.Count - 1));
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

    /// <summary>One story read from a file, or the file's failure; LastOfFile moves the progress bar on.</summary>
    private sealed record ItemOutcome(string File, IngestFormat Format, ReadResult? Read, string? Error, bool LastOfFile);

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
        private long _files;

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

        public void Write(ItemOutcome outcome, ImportedStory? stored)
        {
            var ok = outcome.Error is null && (outcome.Read is null or { Ok: true });
            var warnings = outcome.Read?.Warnings ?? [];
            if (ok && outcome.Read is null)
            {
                warnings = ["The file holds no stories (a feed with no entries, an export with no posts or pages)."];
            }
            else if (stored is { Story: null })
            {
                warnings = [.. warnings, "The source withdrew a story that was never imported: nothing was stored."];
            }
            else if (stored?.Note is { } note)
            {
                warnings = [.. warnings, note];
            }

            _warnings += warnings.Count;
            if (outcome.LastOfFile)
            {
                _files++;
            }

            if (!ok)
            {
                Failed++;
            }
            else if (outcome.Read is null)
            {
                // Nothing in it: neither a story read nor a failure.
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
                var read = outcome.Read;
                var element = new
                {
                    file = outcome.File,
                    format = (read?.Format ?? outcome.Format) is var f && f != IngestFormat.Auto ? f.ToCode() : null,
                    ok,
                    error = ok ? null : outcome.Error,
                    warnings,
                    source = read?.Source,
                    identity = read?.Identity,
                    version = read?.Version,
                    killed = read?.Killed == true ? true : (bool?)null,
                    story = ok && read?.Story is { } content ? StoryJson.From(content, _clock, stored?.Story) : null,
                    outcome = stored?.Outcome,
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

            var what = stored is null ? "read" : stored.Killed ? "killed" : stored.Outcome;
            var where = stored?.Story is { } story ? StoryPaths.Story(story) : outcome.Read?.Story?.Headline ?? "(nothing)";
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
            var files = _files;
            var stories = _created + _updated + _unchanged + _read;
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
