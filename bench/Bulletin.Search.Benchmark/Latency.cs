using System.Diagnostics;
using System.Globalization;

namespace Bulletin.Search.Benchmark;

internal static class Latency
{
    /// <summary>Times each search, snippets included, after a short warm-up on the same queries.</summary>
    public static void Print(string label, StoryIndex index, IReadOnlyList<string> queries)
    {
        foreach (var text in queries.Take(100))
        {
            index.Search(new SearchQuery { Text = text });
        }

        var times = new List<double>(queries.Count);
        long found = 0;
        foreach (var text in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var results = index.Search(new SearchQuery { Text = text });
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            found += results.Total;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label + $" ({queries.Count} queries)",-34} p50 {Percentile(times, 50),7:F2} ms  p95 {Percentile(times, 95),7:F2} ms  p99 {Percentile(times, 99),7:F2} ms  mean hits {found / (double)queries.Count,9:N0}"));
    }

    public static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
