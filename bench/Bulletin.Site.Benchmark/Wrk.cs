using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bulletin.Site.Benchmark;

/// <summary>
/// Runs wrk (one thread, pinned to the load core) with paths.lua over a file of paths, after a warm-up run of its
/// own, and measures the server's processor time from /proc across the measured run only. With
/// <c>once</c>, each path from the start on is asked for once, with no warm-up: every page is one not asked for
/// before (pages the cache has not seen), and the run lasts until the list ends or its seconds are up.
/// </summary>
internal sealed class Wrk(BenchOptions options, string folder)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "paths.lua");
    private int _files;

    public async Task<WrkResult> MeasureAsync(string baseUrl, IReadOnlyList<string> paths, Func<TimeSpan> serverCpu,
        IReadOnlyList<string>? headers = null, int start = 0, bool once = false)
    {
        var list = Path.Combine(folder, $"paths-{_files++}.txt");
        await File.WriteAllLinesAsync(list, paths);
        if (!once)
        {
            var warm = await RunAsync(baseUrl, list, options.WarmUpSeconds, start, headers);
            start += (int)(warm.Requests % Math.Max(1, paths.Count));
        }

        var before = serverCpu();
        var measured = await RunAsync(baseUrl, list, options.Seconds, start, headers, once);
        return measured with { ServerCpu = serverCpu() - before };
    }

    /// <summary>Load without measuring: the JIT's tiers need a minute or so of traffic before figures settle.</summary>
    public async Task LoadAsync(string baseUrl, IReadOnlyList<string> paths, int seconds)
    {
        var list = Path.Combine(folder, $"paths-{_files++}.txt");
        await File.WriteAllLinesAsync(list, paths);
        await RunAsync(baseUrl, list, seconds, 0, null);
    }

    private async Task<WrkResult> RunAsync(string baseUrl, string list, int seconds, int start, IReadOnlyList<string>? headers,
        bool once = false)
    {
        var info = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", options.LoadCore, "wrk", "-t1", $"-c{options.Connections}", $"-d{seconds}s", "--timeout", "5s", "-s", Script })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var header in headers ?? [])
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }

        info.ArgumentList.Add(baseUrl);
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(list);
        info.ArgumentList.Add(start.ToString(CultureInfo.InvariantCulture));
        if (once)
        {
            info.ArgumentList.Add("once");
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no figures: {await output} {await error}");
        using var json = JsonDocument.Parse(line[6..]);
        var root = json.RootElement;
        // A run that reached the end of its list stopped early, and says when: wrk's own duration is the one it was given.
        var ended = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("ONCE ", StringComparison.Ordinal));
        using var end = ended is null ? null : JsonDocument.Parse(ended[5..]);
        return new WrkResult(
            end?.RootElement.GetProperty("answered").GetInt64() ?? root.GetProperty("requests").GetInt64(),
            (end?.RootElement.GetProperty("micros").GetInt64() ?? root.GetProperty("micros").GetInt64()) / 1e6,
            root.GetProperty("p50").GetInt64() / 1000.0,
            root.GetProperty("p99").GetInt64() / 1000.0,
            root.GetProperty("socket").GetInt64(),
            root.GetProperty("status").GetInt64(),
            root.GetProperty("timeouts").GetInt64(),
            TimeSpan.Zero);
    }
}
