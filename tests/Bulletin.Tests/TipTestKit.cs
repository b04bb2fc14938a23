using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Testing;
using Microsoft.Extensions.Logging;

namespace Bulletin.Tests;

/// <summary>What the tip tests share: clients from a chosen loopback address, form posts, a log capture, a byte search.</summary>
internal static class TipTestKit
{
    /// <summary>A member of the tip desk, by name, as the desk's pages and API pass them on.</summary>
    public static Actor Desk(string name) => new(null, name, [StaffRoles.TipDesk]);

    /// <summary>An HTTP client whose connections come from <paramref name="localAddress"/> (127.0.0.2 is a different client to the server).</summary>
    public static HttpClient ClientFrom(Uri server, string localAddress, string? userAgent = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        return client;
    }

    public static MultipartFormDataContent TipForm(string text, string? contact = null, params string[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(text), "text" },
        };
        if (contact is not null)
        {
            form.Add(new StringContent(contact), "contact");
            form.Add(new StringContent("yes"), "may_contact");
        }

        foreach (var file in files)
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(file)), "files", Path.GetFileName(file));
        }

        return form;
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string path, HttpContent content)
    {
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, await new HtmlParser().ParseDocumentAsync(html));
    }

    public static Task<(HttpResponseMessage Response, IHtmlDocument Page)> CheckReceiptAsync(HttpClient client, string receipt, string? message = null, string path = "/tips/receipt")
    {
        var fields = new Dictionary<string, string> { ["receipt"] = receipt };
        if (message is not null)
        {
            fields["message"] = message;
        }

        return PostAsync(client, path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Every file under a folder whose bytes contain any of the markers, with the marker found.</summary>
    public static List<string> FilesContaining(string folder, params string[] markers)
    {
        var hits = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var marker in markers)
            {
                if (Contains(bytes, System.Text.Encoding.UTF8.GetBytes(marker)) || Contains(bytes, System.Text.Encoding.Unicode.GetBytes(marker)))
                {
                    hits.Add($"{Path.GetRelativePath(folder, file)}: {marker}");
                }
            }
        }

        return hits;
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Runs the samples' metadata inspector on a file; exit 0 means it found nothing privacy-relevant.</summary>
    public static async Task<(int ExitCode, string Output)> InspectMetadataAsync(string file)
    {
        var tool = Samples.Require("security/tools/inspect_metadata.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("python3 is not installed; the metadata inspector needs it.");
            throw;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)
                + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, output);
        }
    }
}

/// <summary>Keeps every log line the host writes, at every level, to search for what must not be there.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
