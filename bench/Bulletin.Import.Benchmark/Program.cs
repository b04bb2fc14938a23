using System.Diagnostics;
using Bulletin.Cli;
using Bulletin.Import.Benchmark;
using Bulletin.Ingest.BroadcastPages;

// Import benchmark: generates broadcast pages, then measures
//   parse: BroadcastPageReader over pages already in memory, on one thread;
//   store: the real `bulletin import --publish` over the files, into a new SQLite database.
//   size: the database's bytes per story after the import, and where they go (per table and index, SQLite's dbstat).
// Usage: dotnet run -c Release --project bench/Bulletin.Import.Benchmark -- [--pages N] [--mode parse|store|all] [--keep DIR]
// --keep DIR leaves the pages and the database there instead of deleting them.
var pages = 10_000;
var mode = "all";
string? keep = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--pages")
    {
        pages = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--mode")
    {
        mode = args[i + 1];
    }
    else if (args[i] == "--keep")
    {
        keep = args[i + 1];
    }
}

var work = keep is null ? Directory.CreateTempSubdirectory("bulletin-import-bench-") : Directory.CreateDirectory(keep);
try
{
    var folder = Directory.CreateDirectory(Path.Combine(work.FullName, "pages")).FullName;
    var sentences = PageGenerator.LoadKoreanSentences();
    var generator = new PageGenerator(seed: 42, sentences);
    long bytes = 0;
    for (var i = 0; i < pages; i++)
    {
        var text = generator.Page(i);
        bytes += System.Text.Encoding.UTF8.GetByteCount(text);
        File.WriteAllText(Path.Combine(folder, $"{i:000000}.txt"), text);
    }

    Console.WriteLine($"generated {pages:N0} pages, {bytes / 1024.0 / 1024.0:F1} MB, half Korean ({(sentences.Count > 0 ? "KLUE sentences" : "made-up syllables")}), half English");

    if (mode is "parse" or "all")
    {
        var contents = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        for (var round = 1; round <= 3; round++)
        {
            var failed = 0;
            var clock = Stopwatch.StartNew();
            foreach (var content in contents)
            {
                if (!BroadcastPageReader.Read(content).Ok)
                {
                    failed++;
                }
            }

            clock.Stop();
            Console.WriteLine($"parse only, round {round}: {pages / clock.Elapsed.TotalSeconds:N0} pages/s on one thread " +
                $"({clock.Elapsed.TotalMilliseconds:N0} ms, {failed} failed)");
        }

        Console.WriteLine($"parse only: peak memory (working set) {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
    }

    if (mode is "store" or "all")
    {
        var dataDir = Path.Combine(work.FullName, "data");
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null);

        // Creating the database and building the EF model happen once per process, not per page: done (and timed)
        // apart, so the figure below is the import itself.
        var setup = Stopwatch.StartNew();
        await BulletinCommandLine.InvokeAsync(["--data-dir", dataDir, "db", "migrate"]);
        setup.Stop();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var exit = await BulletinCommandLine.InvokeAsync(["--data-dir", dataDir, "import", "--publish", folder]);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.SetOut(stdout);
        Console.WriteLine($"new database and EF model (bulletin db migrate, once): {setup.Elapsed.TotalMilliseconds:N0} ms");
        Console.WriteLine($"stored (bulletin import --publish into it, SQLite): {pages / clock.Elapsed.TotalSeconds:N0} stories/s " +
            $"({clock.Elapsed.TotalMilliseconds:N0} ms, exit code {exit})");
        // On a shared machine the wall clock measures the neighbours too; processor time is this import's own.
        Console.WriteLine($"stored: {cpu.TotalSeconds:N1} s of processor time, {pages / cpu.TotalSeconds:N0} stories per processor-second");
        Console.WriteLine($"stored: peak memory (working set) {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB" +
            (mode == "all" ? " (includes the parse phase; run --mode store alone for its own figure)" : ""));
        DatabaseSize.Print(Path.Combine(dataDir, "bulletin.db"), pages, bytes);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (keep is null)
    {
        work.Delete(recursive: true);
    }
}
