// Builds an index of generated stories and prints how long that takes, how big it is and how fast it answers.
// Usage: dotnet run -c Release --project bench/Bulletin.Search.Benchmark -- [--stories N] [--queries N]
using System.Diagnostics;
using System.Globalization;
using Bulletin.Search;
using Bulletin.Search.Benchmark;

var stories = Arguments.Int(args, "--stories", 100_000);
var queries = Arguments.Int(args, "--queries", 1_000);
var words = Vocabulary.Load(out var koreanSource);
var generator = new StoryGenerator(words, seed: 20241016);
var folder = Path.Combine(Path.GetTempPath(), "bulletin-search-benchmark", Guid.NewGuid().ToString("N"));

Console.WriteLine($"stories: {stories:N0} (half Korean, half English); Korean words from {koreanSource}");
Console.WriteLine($"processors: {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
try
{
    using var index = StoryIndex.Open(folder);
    var clock = Stopwatch.StartNew();
    await index.RebuildAsync(generator.Stories(stories));
    clock.Stop();
    Console.WriteLine($"index build (rebuild of {index.Count:N0} stories): {clock.Elapsed.TotalSeconds:F1} s ({stories / clock.Elapsed.TotalSeconds:N0} stories/s)");
    Console.WriteLine($"index size on disk: {Folders.Size(folder) / (1024.0 * 1024.0):F1} MiB");

    Latency.Print("Korean, one word", index, generator.KoreanQueries(queries, wordsPerQuery: 1));
    Latency.Print("Korean, three words", index, generator.KoreanQueries(queries, wordsPerQuery: 3));
    Latency.Print("English, one word", index, generator.EnglishQueries(queries, wordsPerQuery: 1));
    Latency.Print("English, three words", index, generator.EnglishQueries(queries, wordsPerQuery: 3));

    var updates = new List<double>();
    foreach (var story in generator.Stories(200, idOffset: stories).ToBlockingEnumerable())
    {
        var start = Stopwatch.GetTimestamp();
        index.Index(story);
        updates.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{"single Index() until searchable",-34} p50 {Latency.Percentile(updates, 50),7:F2} ms  p95 {Latency.Percentile(updates, 95),7:F2} ms  p99 {Latency.Percentile(updates, 99),7:F2} ms"));
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
