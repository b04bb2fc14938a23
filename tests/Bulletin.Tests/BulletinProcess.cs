using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>The built `bulletin` serving from a separate process on a free port, so a test can kill it outright.</summary>
internal sealed class BulletinProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private BulletinProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>What the server has written (standard output and error), line by line.</summary>
    public string Output => string.Join('\n', _output);

    /// <param name="environment">More settings, as environment variables (Tips__Mailbox__Host=...).</param>
    public static async Task<BulletinProcess> StartAsync(TestDatabase database, params (string Name, string Value)[] environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bulletin.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["BULLETIN_DATA_DIR"] = database.DataDirectory;
        start.Environment["Database__Provider"] = database.Options.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.Options.ConnectionString ?? "";
        // As a one-node site: it migrates its own database on either provider (a fleet test says otherwise).
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Site__DemoContent"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Eventually.UntilAsync("bulletin to serve its sign-in page", async () =>
            {
                Assert.False(process.HasExited, $"bulletin exited with {(process.HasExited ? process.ExitCode : 0)} before serving.");
                try
                {
                    var response = await probe.GetAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    return false; // Not answering yet.
                }
            }, TimeSpan.FromMinutes(2)); // a cold start on a loaded machine can take most of a minute
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BulletinProcess(process, address, output);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
