using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Hosting;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Cli;

/// <summary>
/// `bulletin import [--dry-run] [--json] [--publish] [--section SLUG] PATH...`: reads broadcast story pages into
/// stories. A bad file is reported and skipped; the others still import. Exit code 1 when any file failed.
/// </summary>
public static class ImportCommand
{
    /// <summary>Pages are a few kilobytes; anything this large is not one, and is not read into memory.</summary>
    private const long MaxPageBytes = 4 * 1024 * 1024;

    private const int BatchSize = 500;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Standard output is read by programs and people, never put into a web page: no need to escape quotes or +.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Read and report; store nothing" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array, an object per file" };
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
            DryRun, Json, Publish, SectionSlug, Source, Paths,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var dryRun = result.GetValue(DryRun);
        var json = result.GetValue(Json);
        var publish = result.GetValue(Publish);
        var source = result.GetValue(Source) ?? "page";
        await using var host = await CommandHost.OpenAsync(result, migrate: !dryRun, cancellationToken, touchesData: !dryRun);
        if (host is null)
        {
            return 2;
        }

        var clock = host.Get<SiteClock>();
        var files = ExpandPaths(result.GetValue(Paths) ?? []);

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
        }

        await using var _ = db;
        var importer = db is null ? null : host.Get<StoryImporter>();
        var report = new ImportReport(json, clock);
        var pending = new List<(FileOutcome Outcome, StoryToImport Item)>(BatchSize);

        foreach (var file in files)
        {
            var outcome = Read(file);
            if (outcome.Read is { Ok: true, Story: { } content } && importer is not null)
            {
                pending.Add((outcome, new StoryToImport(source, ExternalIdOf(content), content)));
                if (pending.Count == BatchSize)
                {
                    await SaveAsync(importer, db!, pending, sectionId, publish, report, cancellationToken);
                }
            }
            else
            {
                report.Write(outcome, stored: null);
            }
        }

        if (pending.Count > 0)
        {
            await SaveAsync(importer!, db!, pending, sectionId, publish, report, cancellationToken);
        }

        report.Finish();
        return report.Failed > 0 ? 1 : 0;
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

    /// <summary>Files as given, and every file under a directory (hidden ones aside), in a stable order.</summary>
    private static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var under = Directory.EnumerateFiles(path, "*", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                        IgnoreInaccessible = true,
                    })
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                files.AddRange(under);
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    private sealed record FileOutcome(string File, PageReadResult? Read, string? Error);

    /// <summary>Writes each file's outcome as it is known: JSON array elements, or a line of text.</summary>
    private sealed class ImportReport : IDisposable
    {
        private readonly bool _json;
        private readonly SiteClock _clock;
        private readonly Utf8JsonWriter? _writer;
        private int _created;
        private int _updated;
        private int _unchanged;
        private int _read;

        public ImportReport(bool json, SiteClock clock)
        {
            _json = json;
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

        public int Failed { get; private set; }

        public void Write(FileOutcome outcome, ImportedStory? stored)
        {
            var ok = outcome.Error is null && outcome.Read is { Ok: true };
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

            var warnings = outcome.Read?.Warnings ?? [];
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
                Console.Error.WriteLine($"FAILED  {outcome.File}: {outcome.Error}");
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
            if (_writer is not null)
            {
                _writer.WriteEndArray();
                _writer.Flush();
                Console.Out.WriteLine();
                Dispose();
                return;
            }

            var total = _created + _updated + _unchanged + _read + Failed;
            Console.WriteLine(_read > 0
                ? $"{total} files: {_read} read (dry run, nothing stored), {Failed} failed."
                : $"{total} files: {_created} new, {_updated} updated, {_unchanged} unchanged, {Failed} failed.");
        }

        public void Dispose() => _writer?.Dispose();
    }
}
