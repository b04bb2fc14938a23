using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Our connection to one of a device's ports, for the messages we start. Each reply is matched by messageID, so a
/// heartbeat can go while another command waits; a command unanswered within the timeout is sent once more, then the
/// connection is given up so the link reconnects.
/// </summary>
internal sealed class MosClientConnection : IAsyncDisposable
{
    private readonly MosSocket _socket;
    private readonly MosOptions _options;
    private readonly string _deviceId;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<MosEnvelope>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<long> _nextId;

    private MosClientConnection(MosSocket socket, MosOptions options, string deviceId, TimeProvider clock, Func<long> nextId)
    {
        _socket = socket;
        _options = options;
        _deviceId = deviceId;
        _clock = clock;
        _nextId = nextId;
        Closed = ReadLoopAsync();
    }

    /// <summary>Completes when the device closes the connection or it fails.</summary>
    public Task Closed { get; }

    public static async Task<MosClientConnection> ConnectAsync(string host, int port, MosOptions options, string deviceId, TimeProvider clock,
        Func<long> nextId, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AckTimeout);
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new MosClientConnection(new MosSocket(client, options.MaxMessageBytes), options, deviceId, clock, nextId);
    }

    /// <summary>Sends a message and waits for the reply with its messageID.</summary>
    public async Task<MosEnvelope> RequestAsync(XElement body, CancellationToken cancellationToken)
    {
        var id = _nextId();
        var reply = new TaskCompletionSource<MosEnvelope>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            var envelope = new MosEnvelope(_deviceId, _options.NcsId, id, body);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                await _socket.WriteAsync(envelope, cancellationToken);
                var timeout = Task.Delay(_options.AckTimeout, _clock, cancellationToken);
                var done = await Task.WhenAny(reply.Task, timeout, Closed);
                if (done == reply.Task)
                {
                    return await reply.Task;
                }

                if (done == Closed)
                {
                    throw new IOException($"The device {_deviceId} closed the connection.");
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            throw new TimeoutException($"The device {_deviceId} did not answer {body.Name.LocalName} (message {id}).");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        try
        {
            while (await _socket.ReadAsync(_stop.Token) is { } frame)
            {
                if (frame.Xml is null || !MosCodec.TryParse(frame.Xml, _options.MaxMessageBytes / 2, out var envelope, out _) || envelope is null)
                {
                    continue;
                }

                if (envelope.MessageId is { } id && _pending.TryRemove(id, out var waiting))
                {
                    waiting.TrySetResult(envelope);
                }
                else if (envelope.Kind == "heartbeat")
                {
                    await _socket.WriteAsync(envelope with { MosId = _deviceId, NcsId = _options.NcsId, Body = MosMessages.Heartbeat(_clock.GetUtcNow()) }, _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is over; Closed tells the link.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _socket.DisposeAsync();
        await Closed;
        _stop.Dispose();
    }
}
