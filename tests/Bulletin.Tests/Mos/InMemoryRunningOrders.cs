using System.Collections.Concurrent;
using Bulletin.Broadcast.Mos;

namespace Bulletin.Tests.Mos;

/// <summary>
/// Running orders held in memory, for the tests of the gateway's protocol alone; the host reads them from the database
/// (<see cref="DatabaseRunningOrders"/>), and the rundown tests go through it.
/// </summary>
internal sealed class InMemoryRunningOrders : IRunningOrderSource
{
    private readonly ConcurrentDictionary<string, MosRunningOrder> _orders = new(StringComparer.Ordinal);

    public void Put(MosRunningOrder order) => _orders[order.Id] = order;

    public bool Remove(string id) => _orders.TryRemove(id, out _);

    public MosRunningOrder? Find(string id) => _orders.GetValueOrDefault(id);

    public ValueTask<IReadOnlyList<MosRunningOrder>> ActiveAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MosRunningOrder>>([.. _orders.Values.OrderBy(o => o.Id, StringComparer.Ordinal)]);
}
