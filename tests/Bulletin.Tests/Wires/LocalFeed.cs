using System.Net;
using System.Net.Sockets;

namespace Bulletin.Tests.Wires;

/// <summary>
/// An agency's feed on 127.0.0.1: one document with an ETag, answered 304 when asked with that ETag, as a real
/// server would; it counts what it was asked and how it answered, and how many requests it held at once (each is
/// answered on its own, after <see cref="Delay"/>, as a slow agency server would).
/// </summary>
internal sealed class LocalFeed : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Lock _gate = new();
    private byte[] _body;
    private string _etag;
    private int _full;
    private int _notModified;
    private int _inFlight;
    private int _mostAtOnce;

    private LocalFeed(byte[] body, string etag)
    {
        _body = body;
        _etag = etag;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/wire.json");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Answers with the document (200).</summary>
    public int Full { get { lock (_gate) { return _full; } } }

    /// <summary>Answers of 304 Not Modified to a conditional GET that named the current ETag.</summary>
    public int NotModified { get { lock (_gate) { return _notModified; } } }

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The most requests it was answering at the same time.</summary>
    public int MostAtOnce { get { lock (_gate) { return _mostAtOnce; } } }

    public static LocalFeed Serve(byte[] body, string etag) => new(body, etag);

    /// <summary>The server says the document changed (a new ETag), whether or not its items did.</summary>
    public void Replace(byte[] body, string etag)
    {
        lock (_gate)
        {
            _body = body;
            _etag = etag;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopped while waiting for a request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        lock (_gate)
        {
            _mostAtOnce = Math.Max(_mostAtOnce, ++_inFlight);
        }

        try
        {
            await Task.Delay(Delay);
            byte[] body;
            string etag;
            bool unchanged;
            lock (_gate)
            {
                body = _body;
                etag = _etag;
                unchanged = context.Request.Headers["If-None-Match"] == etag;
                if (unchanged)
                {
                    _notModified++;
                }
                else
                {
                    _full++;
                }
            }

            context.Response.Headers["ETag"] = etag;
            if (unchanged)
            {
                context.Response.StatusCode = 304;
            }
            else
            {
                context.Response.ContentType = "application/feed+json";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The feed was stopped, or the client went away, mid-answer.
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
