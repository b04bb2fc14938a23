using System.Net;
using Microsoft.Extensions.Options;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Bulletin as the newsroom system of the studio: listens on the lower and upper ports for what devices start, and
/// keeps one link to each configured device through which every running-order change goes out in order.
/// </summary>
public sealed class MosGateway : BackgroundService
{
    private readonly MosOptions _options;
    private readonly MosListener _lower;
    private readonly MosListener _upper;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MosGateway(IOptions<MosOptions> options, IRunningOrderSource source, MosObjectInventory inventory, MosStatusBoard statuses,
        TimeProvider clock, ILogger<MosGateway> logger)
    {
        _options = options.Value;
        Responder = new MosResponder(_options, source, inventory, statuses, clock);
        var address = IPAddress.Parse(_options.ListenAddress);
        _lower = new MosListener("lower", upper: false, address, _options.Lower, _options, Responder, logger);
        _upper = new MosListener("upper", upper: true, address, _options.Upper, _options, Responder, logger);
        Links = [.. _options.Devices.Select(d => new MosDeviceLink(d, _options, source, clock, logger))];
        Logger = logger;
    }

    public IReadOnlyList<MosDeviceLink> Links { get; }

    public MosResponder Responder { get; }

    /// <summary>Completes once both ports listen; their numbers are then known (useful when 0 was configured).</summary>
    public Task Started => _started.Task;

    public int LowerPort => _lower.Port;

    public int UpperPort => _upper.Port;

    private ILogger Logger { get; }

    /// <summary>Queues a running-order change for every device; each gets it in the order it was sent.</summary>
    public void Send(MosCommand command)
    {
        foreach (var link in Links)
        {
            link.Enqueue(command);
        }
    }

    public override void Dispose()
    {
        _lower.Dispose();
        _upper.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _lower.Start();
            _upper.Start();
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            throw;
        }

        _started.TrySetResult();
        MosLog.Listening(Logger, _options.ListenAddress, _lower.Port, _upper.Port, _options.NcsId);
        await Task.WhenAll([_lower.RunAsync(stoppingToken), _upper.RunAsync(stoppingToken), .. Links.Select(l => l.RunAsync(stoppingToken))]);
    }
}
