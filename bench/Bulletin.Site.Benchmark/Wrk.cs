using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bulletin.Site.Benchmark;

/// <summary>
/// Runs wrk (one thread, pinned to the load core) with paths.lua over a file of paths, after a warm-up run of its
/// own, and measures the server's processor time from /proc across the measured run only.
/// </summary>
internal sealed class Wrk(BenchOptions options, string folder)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "paths.lua");
    private int _files;

    public async Task<WrkResult> MeasureAsync(string baseUrl, IReadOnlyList<string> paths, Func<TimeSpan> serverCpu,
        IReadOnlyList<string>? headers = null, int start = 0)
    {
        var list = Path.Combine(folder, $"paths-{_files++}.txt");
        await File.WriteAllLinesAsync(list, paths);
        var warm = await RunAsync(baseUrl, list, options.WarmUpSeconds, start, headers);
        var before = serverCpu();
        var measured = await RunAsync(baseUrl, list, options.Seconds, start + (int)(warm.Requests % Math.Max(1, paths.Count)), headers);
        return measured with { ServerCpu = serverCpu() - before };
    }

    /// <summary>Load without measuring: the JIT's tiers need a minute or so of traffic before figures settle.</summary>
    public async Task LoadAsync(string baseUrl, IReadOnlyList<string> paths, int seconds)
    {
        var list = Path.Combine(folder, $"paths-{_files++}.txt");
        await File.WriteAllLinesAsync(list, paths);
        await RunAsync(baseUrl, list, seconds, 0, null);
    }

    private async Task<WrkResult> RunAsync(string baseUrl, string list, int seconds, int start, IReadOnlyList<string>? headers)
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
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no figures: {await output} {await error}");
        using var json = JsonDocument.Parse(line[6..]);
        var root = json.RootElement;
        return new WrkResult(
            root.GetProperty("requests").GetInt64(),
            root.GetProperty("micros").GetInt64() / 1e6,
            root.GetProperty("p50").GetInt64() / 1000.0,
            root.GetProperty("p99").GetInt64() / 1000.0,
            root.GetProperty("socket").GetInt64(),
            root.GetProperty("status").GetInt64(),
            root.GetProperty("timeouts").GetInt64(),
            TimeSpan.Zero);
    }
}
