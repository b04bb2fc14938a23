using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Rundowns;
using Bulletin.Data;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Keeps the studio's devices in step with stored rundowns. Activating sends the running order whole (roCreate and
/// every script); each later change is sent as the difference from what was sent last (roElementAction,
/// roMetadataReplace, roStorySend), and finishing the show deletes it. Without a Mos section there is no gateway and
/// nothing is sent. What was sent is kept per rundown with its version, so a change that lost a race to a newer one
/// is not sent over it; and the scripts are read afresh one sender at a time, so a script that another save has
/// since replaced is never sent after its replacement.
/// </summary>
public sealed class MosRundownFeed(IServiceProvider services) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, (int Version, MosRunningOrder Order)> _sent = [];

    /// <summary>Registered only when MOS is configured, so looked up rather than injected.</summary>
    private MosGateway? Gateway => services.GetService<MosGateway>();

    public void Dispose() => _gate.Dispose();

    /// <summary>A rundown was saved; <paramref name="before"/> is the state it had before the change.</summary>
    public async Task ChangedAsync(BulletinDbContext db, Rundown rundown, RundownStatus before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rundown);
        if (Gateway is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            Send((await db.WithStoriesAsync([rundown], cancellationToken))[0], before);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Send(RundownSheet sheet, RundownStatus before)
    {
        var gateway = Gateway!;
        var rundown = sheet.Rundown;
        var known = _sent.TryGetValue(rundown.Id, out var last);
        if (known && last.Version > rundown.Version)
        {
            return;
        }

        if (rundown.Status != RundownStatus.OnAir)
        {
            if (before == RundownStatus.OnAir)
            {
                gateway.Send(MosMessages.RoDelete(RundownRunningOrder.Id(rundown.Id)));
                services.GetService<MosStatusBoard>()?.Forget(RundownRunningOrder.Id(rundown.Id));
            }

            _sent.Remove(rundown.Id);
            return;
        }

        var order = RundownRunningOrder.From(rundown, sheet.Scripts);
        // Sent whole when this process has not sent it since it went on air: just activated, or on air since before
        // this process started. A story saved just as the show is activated can get here first, with the show already
        // on air; the activation then finds it sent and sends only what differs.
        var commands = known ? MosRunningOrderChanges.Between(last.Order, order) : Whole(order);
        foreach (var command in commands)
        {
            gateway.Send(command);
        }

        if (before != RundownStatus.OnAir)
        {
            // Activated: the whole order is on the devices, and the show is cleared for air.
            gateway.Send(MosMessages.RoReadyToAir(order.Id, ready: true));
        }

        _sent[rundown.Id] = (rundown.Version, order);
    }

    /// <summary>
    /// Stories were saved (their scripts may have changed): every rundown on air that holds one of them is sent again
    /// as a difference, so the prompter reads the new script and the devices get its new timing.
    /// </summary>
    public async Task StoriesChangedAsync(BulletinDbContext db, IReadOnlyCollection<Guid> storyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(storyIds);
        if (Gateway is null || storyIds.Count == 0)
        {
            return;
        }

        var holding = await db.Set<RundownItem>()
            .Where(i => i.StoryId != null && storyIds.Contains(i.StoryId.Value))
            .Select(i => EF.Property<Guid>(i, RundownOrder.RundownId))
            .Distinct()
            .ToListAsync(cancellationToken);
        if (holding.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var sheet in await db.OnAirAsync(holding, cancellationToken))
            {
                Send(sheet, RundownStatus.OnAir);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static List<MosCommand> Whole(MosRunningOrder order) =>
        [MosMessages.RoCreate(order), .. order.Stories.Where(s => s.Body.Count > 0).Select(s => MosMessages.RoStorySend(order.Id, s))];
}
