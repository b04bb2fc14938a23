using System.Net;
using System.Net.Sockets;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// One of our ports. Each device connection is served on its own: a message is parsed and answered on the socket it
/// came in on; a message that is malformed, wrongly encoded, too large or carries a DTD is answered with an error
/// (or logged and dropped when nothing can be answered), and the connection stays open.
/// </summary>
internal sealed class MosListener(string name, bool upper, IPAddress address, int port, MosOptions options, MosResponder responder, ILogger logger) : IDisposable
{
    private const int MaxConnections = 64;
    private readonly TcpListener _listener = new(address, port);
    private int _open;

    public int Port { get; private set; }

    public void Dispose() => _listener.Dispose();

    public void Start()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken);
                if (Interlocked.Increment(ref _open) > MaxConnections)
                {
                    Interlocked.Decrement(ref _open);
                    MosLog.TooManyConnections(logger, client.Client.RemoteEndPoint?.ToString(), MaxConnections);
                    client.Dispose();
                    continue;
                }

                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _listener.Stop();
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var socket = new MosSocket(client, options.MaxMessageBytes);
        try
        {
            while (await socket.ReadAsync(cancellationToken) is { } frame)
            {
                MosEnvelope? message = null;
                var problem = frame.Problem;
                if (frame.Xml is { } xml && !MosCodec.TryParse(xml, options.MaxMessageBytes / 2, out message, out problem))
                {
                    frame = frame with { MessageIdHint = MosFrameReader.MessageId(xml) };
                }

                if (message is null)
                {
                    MosLog.Dropped(logger, socket.Remote?.ToString(), name, problem ?? "");
                    long? hint = long.TryParse(frame.MessageIdHint, out var id) ? id : null;
                    await socket.WriteAsync(new MosEnvelope("", options.NcsId, hint, MosResponder.Refusal(upper, problem ?? "")), cancellationToken);
                    continue;
                }

                if (await responder.AnswerAsync(message, cancellationToken) is { } reply)
                {
                    await socket.WriteAsync(new MosEnvelope(responder.DeviceOf(message), options.NcsId, message.MessageId, reply), cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The device closed the connection, or we are stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            await socket.DisposeAsync();
        }
    }
}
