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
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private bool _disposed;

    /// <summary>Ports handed out in this test run, so two tests running side by side never get the same one.</summary>
    private static readonly HashSet<int> Taken = [];

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
        // What Node says when it cannot start (a port in use, a module missing) goes in the failure's message.
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && _errors.Count < 40)
            {
                _errors.Enqueue(line);
            }
        };
        // A device that exits wakes the waiter at once instead of leaving it to the timeout.
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) =>
        {
            try
            {
                _arrived.Release();
            }
            catch (ObjectDisposedException)
            {
                // Exited after the test let the device go.
            }
        };
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

    /// <summary>
    /// Three ports for a device, below the range the system takes local ports of outgoing connections from. A port
    /// from that range (what binding port 0 gives) can be taken between our asking and Node listening: by any
    /// connection the test run opens, and above all by the gateway itself, which keeps dialling the device's port
    /// until it listens: a dial from 127.0.0.1 to a port nobody listens on can be given that same port as its own and
    /// connect to itself (TCP simultaneous open), and then Node cannot listen there and exits.
    /// </summary>
    public static (int Lower, int Upper, int Query) FreePorts()
    {
        lock (Taken)
        {
            return (FreePort(), FreePort(), FreePort());
        }
    }

    /// <param name="objects">The device's own inventory as JSON (objID, slug, duration, timeBase), listed on mosReqAll.</param>
    public static async Task<MosDevice> StartAsync(string id, (int Lower, int Upper, int Query) ports, string ncsId, int ncsLower, int ncsUpper,
        string? objects = null)
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
            "--objects", objects ?? "[]",
        ])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var device = new MosDevice(Process.Start(start)!, id, ports.Lower, ports.Upper);
        try
        {
            // Node loading mos-connection takes a second alone, far longer on a machine a whole test run loads.
            await device.WaitForAsync(l => l.GetProperty("event").GetString() == "ready", TimeSpan.FromSeconds(60));
        }
        catch
        {
            await device.DisposeAsync();
            throw;
        }

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

            if (_process.HasExited)
            {
                // Its last lines may still be on their way through the pipe.
                _process.WaitForExit();
                if (_lines.Skip(from).Any(match))
                {
                    continue;
                }

                throw new InvalidOperationException(
                    $"The MOS device exited with {_process.ExitCode} before reporting what was awaited. It said:\n{string.Join('\n', _errors)}");
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var tail = string.Join('\n', _lines.TakeLast(15).Select(l => l.GetRawText()));
                throw new TimeoutException(
                    $"The MOS device did not report what was awaited within {timeout}. Last lines:\n{tail}\nIts errors:\n{string.Join('\n', _errors)}");
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
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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
        var (low, high) = BelowEphemeralPorts();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (Taken.Contains(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                Taken.Add(port);
                return port;
            }
            catch (SocketException)
            {
                // In use by something else on this machine: try another.
            }
        }

        throw new InvalidOperationException($"No free port between {low} and {high} for the MOS device.");
    }

    /// <summary>A span of ports under the system's range for outgoing connections (Linux: 32768 up, by default).</summary>
    private static (int Low, int High) BelowEphemeralPorts()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = 32768;
        if (File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
        {
            first = start;
        }

        // Well above the registered services most machines run (databases, mail, 8080...), and under the range.
        return first > 22000 ? (20000, first) : (1025, first);
    }
}
