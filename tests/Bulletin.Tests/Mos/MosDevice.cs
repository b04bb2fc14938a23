using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;
using Bulletin.Testing;

namespace Bulletin.Tests.Mos;

/// <summary>
/// A real MOS device on 127.0.0.1: NRK's mos-connection run by tests/mos-device/device.mjs on Node, with its own
/// ports, pointed at the gateway's ports. Every whole message it receives comes back as a JSON line, kept here in
/// order for the test to assert on. Without Node or the installed package the test is skipped, except under CI,
/// where test.sh installs both and a skip would hide a test that did not run.
/// </summary>
internal sealed class MosDevice : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<JsonElement> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MosDevice(Process process, string id, int lower, int upper)
    {
        _process = process;
        Id = id;
        Lower = lower;
        Upper = upper;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line[0] == '{')
            {
                _lines.Enqueue(JsonDocument.Parse(line).RootElement.Clone());
                _arrived.Release();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Id { get; }
    public int Lower { get; }
    public int Upper { get; }

    public IReadOnlyList<JsonElement> Lines => [.. _lines];

    public int Count => _lines.Count;

    /// <summary>Every message the device received, parsed, in the order it received them.</summary>
    public IReadOnlyList<XElement> Received =>
        [.. _lines.Where(l => l.GetProperty("event").GetString() == "received").Select(l => XElement.Parse(l.GetProperty("xml").GetString()!))];

    /// <summary>The bodies of a kind the device received (roCreate, roElementAction, ...).</summary>
    public IReadOnlyList<XElement> Bodies(string kind) =>
        [.. Received.Select(m => m.Elements().FirstOrDefault(e => e.Name.LocalName == kind)).OfType<XElement>()];

    public static (int Lower, int Upper, int Query) FreePorts() => (FreePort(), FreePort(), FreePort());

    public static async Task<MosDevice> StartAsync(string id, (int Lower, int Upper, int Query) ports, string ncsId, int ncsLower, int ncsUpper)
    {
        var folder = Path.Combine(Samples.RepositoryRoot, "tests", "mos-device");
        var node = FindNode();
        if (node is null || !Directory.Exists(Path.Combine(folder, "node_modules", "@mos-connection", "connector")))
        {
            var why = node is null
                ? "Node is not installed (test.sh installs Debian's nodejs and npm)"
                : "the MOS device is not installed: run `npm ci` in tests/mos-device (test.sh does)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"Under CI the real MOS device must run, but {why}.");
            }

            Assert.Skip($"Skipped: {why}.");
        }

        var start = new ProcessStartInfo(node, [
            "device.mjs", "--id", id, "--lower", $"{ports.Lower}", "--upper", $"{ports.Upper}", "--query", $"{ports.Query}",
            "--ncs-id", ncsId, "--ncs-host", "127.0.0.1", "--ncs-lower", $"{ncsLower}", "--ncs-upper", $"{ncsUpper}", "--heartbeat", "1000",
        ])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var device = new MosDevice(Process.Start(start)!, id, ports.Lower, ports.Upper);
        await device.WaitForAsync(l => l.GetProperty("event").GetString() == "ready", TimeSpan.FromSeconds(20));
        return device;
    }

    /// <summary>Waits until a line the device wrote matches, and returns it.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout, int from = 0)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (var line in _lines.Skip(from))
            {
                if (match(line))
                {
                    return line;
                }
            }

            if (_process.HasExited && _lines.IsEmpty)
            {
                throw new InvalidOperationException($"The MOS device exited with {_process.ExitCode}.");
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var tail = string.Join('\n', _lines.TakeLast(15).Select(l => l.GetRawText()));
                throw new TimeoutException($"The MOS device did not report what was awaited within {timeout}. Last lines:\n{tail}");
            }
        }
    }

    /// <summary>Waits until the device has received a message whose body matches.</summary>
    public Task<JsonElement> WaitForMessageAsync(string kind, Func<XElement, bool>? match = null, int from = 0) =>
        WaitForAsync(l => l.GetProperty("event").GetString() == "received"
                          && XElement.Parse(l.GetProperty("xml").GetString()!).Elements().FirstOrDefault(e => e.Name.LocalName == kind) is { } body
                          && (match is null || match(body)),
            TimeSpan.FromSeconds(20), from);

    /// <summary>Has the device start a conversation, and returns the reply line with what the newsroom system answered.</summary>
    public async Task<JsonElement> CommandAsync(string cmd, object? arguments = null)
    {
        // A conversation the device starts goes over its own connection to the newsroom system, which may still be
        // coming up just after the device has received its first running order.
        await WaitForAsync(l => l.GetProperty("event").GetString() == "connection"
                                && l.GetProperty("status").TryGetProperty("PrimaryConnected", out var up) && up.ValueKind == JsonValueKind.True,
            TimeSpan.FromSeconds(20));
        var payload = JsonSerializer.SerializeToElement(arguments ?? new { });
        var fields = payload.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["cmd"] = cmd;
        var marker = _lines.Count;
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(fields));
        await _process.StandardInput.FlushAsync();
        return await WaitForAsync(l => l.GetProperty("event").GetString() == "reply" && l.GetProperty("cmd").GetString() == cmd,
            TimeSpan.FromSeconds(20), marker);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _arrived.Dispose();
    }

    private static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var path = Path.Combine(dir, "node");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
