using System.Threading.Channels;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Bulletin's side of one device: connects to its lower and upper ports, asks for its machine info, sends every
/// running order in full, then each change in order, each acknowledged, with heartbeats while idle. When the device
/// goes away (a restart) the link waits, connects again and resynchronises in full, so changes made meanwhile are
/// not lost; the same happens when more changes wait than the queue holds.
/// </summary>
public sealed class MosDeviceLink
{
    private readonly MosDeviceOptions _device;
    private readonly MosOptions _options;
    private readonly IRunningOrderSource _source;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<MosCommand> _queue;

    /// <summary>How many times the link asks for the device's objects: on connecting, and on the heartbeats after.</summary>
    private const int ObjectAsksAfterConnect = 4;

    private int _objectAsksLeft;
    private Task _asking = Task.CompletedTask;
    private long _messageId;
    private volatile bool _overflowed;

    internal MosDeviceLink(MosDeviceOptions device, MosOptions options, IRunningOrderSource source, TimeProvider clock, ILogger logger)
    {
        _device = device;
        _options = options;
        _source = source;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<MosCommand>(new BoundedChannelOptions(options.MaxQueuedChanges)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    public string DeviceId => _device.Id;

    public bool Connected { get; private set; }

    /// <summary>How many times the link has sent every running order in full.</summary>
    public int Resyncs { get; private set; }

    /// <summary>The device's own description from its listMachInfo.</summary>
    public MosEnvelope? MachineInfo { get; private set; }

    internal void Enqueue(MosCommand command)
    {
        if (!_queue.Writer.TryWrite(command))
        {
            _overflowed = true;
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            MosClientConnection? lower = null;
            MosClientConnection? upper = null;
            try
            {
                lower = await MosClientConnection.ConnectAsync(_device.Host, _device.Lower, _options, _device.Id, _clock, NextId, cancellationToken);
                upper = await MosClientConnection.ConnectAsync(_device.Host, _device.Upper, _options, _device.Id, _clock, NextId, cancellationToken);
                MachineInfo = await lower.RequestAsync(MosMessages.ReqMachInfo(), cancellationToken);
                Connected = true;
                MosLog.DeviceConnected(_logger, _device.Id, _device.Host, _device.Lower, _device.Upper);
                await ResyncAsync(upper, cancellationToken);
                _objectAsksLeft = ObjectAsksAfterConnect;
                AskForObjects(lower, cancellationToken);
                await ServeAsync(lower, upper, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
            {
                if (Connected)
                {
                    MosLog.DeviceLost(_logger, _device.Id, e.Message);
                }
            }
            finally
            {
                Connected = false;
                if (upper is not null)
                {
                    await upper.DisposeAsync();
                }

                if (lower is not null)
                {
                    await lower.DisposeAsync();
                }

                // Ends with its connection, and says what went wrong itself.
                await _asking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            try
            {
                await Task.Delay(_options.ReconnectDelay, _clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ServeAsync(MosClientConnection lower, MosClientConnection upper, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_overflowed)
            {
                await ResyncAsync(upper, cancellationToken);
            }

            while (_queue.Reader.TryRead(out var command))
            {
                await SendAsync(upper, command, cancellationToken);
            }

            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var wait = _queue.Reader.WaitToReadAsync(idle.Token).AsTask();
            var heartbeat = Task.Delay(_options.HeartbeatInterval, _clock, idle.Token);
            var done = await Task.WhenAny(wait, heartbeat, lower.Closed, upper.Closed);
            await idle.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            if (done == lower.Closed || done == upper.Closed)
            {
                throw new IOException($"The device {_device.Id} closed the connection.");
            }

            if (done == heartbeat)
            {
                await lower.RequestAsync(MosMessages.Heartbeat(_clock.GetUtcNow()), cancellationToken);
                await upper.RequestAsync(MosMessages.Heartbeat(_clock.GetUtcNow()), cancellationToken);
                // A device answers mosReqAll over its own connection to us, which may come up after ours: a list asked
                // for before then is lost, so the first few heartbeats ask again (the objects are kept by id, so a
                // second answer changes nothing).
                AskForObjects(lower, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Asks the device for its objects (clips, graphics: mosReqAll), which it sends back as mosListAll to the
    /// inventory producers pick from, while one of the asks after connecting is left and none is waiting. The ask
    /// goes on the lower port beside the heartbeats, and running orders go on the upper port meanwhile: a device
    /// that keeps no objects may never answer, and that must not hold up the show.
    /// </summary>
    private void AskForObjects(MosClientConnection lower, CancellationToken cancellationToken)
    {
        if (_objectAsksLeft <= 0 || !_asking.IsCompleted)
        {
            return;
        }

        _objectAsksLeft--;
        _asking = AskAsync();

        async Task AskAsync()
        {
            try
            {
                await lower.RequestAsync(MosMessages.MosReqAll(), cancellationToken);
            }
            catch (TimeoutException e)
            {
                MosLog.NoInventory(_logger, _device.Id, e.Message);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is over; the link notices it on its own and connects again.
            }
        }
    }

    /// <summary>
    /// Everything the device should hold, from the source: what waited in the queue is already in it. A device that
    /// still knows a running order refuses roCreate, so that one is replaced instead.
    /// </summary>
    private async Task ResyncAsync(MosClientConnection upper, CancellationToken cancellationToken)
    {
        _overflowed = false;
        while (_queue.Reader.TryRead(out _))
        {
        }

        var orders = await _source.ActiveAsync(cancellationToken);
        foreach (var order in orders)
        {
            await SendAsync(upper, MosMessages.RoCreate(order), cancellationToken);
            foreach (var story in order.Stories.Where(s => s.Body.Count > 0))
            {
                await SendAsync(upper, MosMessages.RoStorySend(order.Id, story), cancellationToken);
            }
        }

        Resyncs++;
        MosLog.Resynchronised(_logger, _device.Id, orders.Count);
    }

    private async Task SendAsync(MosClientConnection upper, MosCommand command, CancellationToken cancellationToken)
    {
        var ack = await upper.RequestAsync(command.Body, cancellationToken);
        if (!IsOk(ack) && command.IfRefused is { } instead)
        {
            await SendAsync(upper, instead, cancellationToken);
        }
        else if (!IsOk(ack))
        {
            // The device refused this change (an id it does not know); the next full resync puts it right.
            MosLog.Refused(_logger, _device.Id, command.Kind, command.RunningOrderId, Status(ack));
        }
    }

    private static bool IsOk(MosEnvelope ack) => string.Equals(Status(ack), "OK", StringComparison.OrdinalIgnoreCase);

    private static string Status(MosEnvelope ack) =>
        ack.Kind == "roAck" ? MosCodec.Text(ack.Body, "roStatus") ?? "" : $"unexpected {ack.Kind}";

    private long NextId() => Interlocked.Increment(ref _messageId);
}
