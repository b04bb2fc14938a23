using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bulletin.Site.Benchmark;

/// <summary>The release build of `bulletin`, run as its own process the way an operator runs it.</summary>
internal sealed class Bulletin(string dataDirectory)
{
    public static readonly string Dll = FindDll();

    /// <summary>The result of a verb: exit code, output, wall time, and the process's own processor time and peak memory.</summary>
    public sealed record Run(int ExitCode, string Output, string Error, TimeSpan Wall, TimeSpan Cpu, long PeakBytes);

    public async Task<Run> RunAsync(IEnumerable<string> args, string? input = null)
    {
        var info = Start(args, core: null);
        info.RedirectStandardInput = input is not null;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bulletin did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        // The figures are read while the process lives; the last reading is taken within 100 ms of its end.
        TimeSpan cpu = default;
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                cpu = ProcessStats.ProcessorTime(process.Id);
                peak = Math.Max(peak, ProcessStats.PeakResidentBytes(process.Id));
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
            {
            }

            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(100));
        }

        await process.WaitForExitAsync();
        clock.Stop();
        return new Run(process.ExitCode, await output, await error, clock.Elapsed, cpu, peak);
    }

    /// <summary>Starts the server pinned to a core; its log lines are kept for the benchmark to read.</summary>
    public Server Serve(int port, string core, IEnumerable<string> settings)
    {
        var info = Start(["--urls", $"http://127.0.0.1:{port}", .. settings], core);
        var process = Process.Start(info) ?? throw new InvalidOperationException("bulletin did not start.");
        return new Server(process, $"http://127.0.0.1:{port}");
    }

    private ProcessStartInfo Start(IEnumerable<string> args, string? core)
    {
        var info = new ProcessStartInfo(core is null ? "dotnet" : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (core is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(core);
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add("--data-dir");
        info.ArgumentList.Add(dataDirectory);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return info;
    }

    private static string FindDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulletin.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Bulletin", "bin", "Release", "net10.0", "bulletin.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Bulletin in Release first (dotnet run -c Release builds it).", dll);
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from the repository (no Bulletin.slnx above it).");
    }

    /// <summary>A running server: its address, its log so far, its processor time.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _log = new();

        public Server(Process process, string baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string BaseUrl { get; }
        public int Pid => _process.Id;
        public bool HasExited => _process.HasExited;
        public IEnumerable<string> Log => _log;

        public TimeSpan ProcessorTime() => ProcessStats.ProcessorTime(_process.Id);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _log.Enqueue(line);
            }
        }
    }
}
