using System.Collections.Concurrent;

namespace Bulletin.Broadcast.Mos;

/// <summary>Running orders held in memory: the gateway's source until rundowns are stored.</summary>
public sealed class InMemoryRunningOrders : IRunningOrderSource
{
    private readonly ConcurrentDictionary<string, MosRunningOrder> _orders = new(StringComparer.Ordinal);

    public void Put(MosRunningOrder order) => _orders[order.Id] = order;

    public bool Remove(string id) => _orders.TryRemove(id, out _);

    public MosRunningOrder? Find(string id) => _orders.GetValueOrDefault(id);

    public ValueTask<IReadOnlyList<MosRunningOrder>> ActiveAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MosRunningOrder>>([.. _orders.Values.OrderBy(o => o.Id, StringComparer.Ordinal)]);
}
