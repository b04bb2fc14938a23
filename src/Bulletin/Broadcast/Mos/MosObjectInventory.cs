using System.Collections.Concurrent;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The objects devices have offered (mosObj, mosListAll), which producers can attach to items. Kept in memory and
/// bounded: past the limit the oldest are forgotten; a device resends its list on mosReqAll.
/// </summary>
public sealed class MosObjectInventory(int limit)
{
    private readonly ConcurrentDictionary<(string Device, string Id), MosObject> _objects = new();

    public int Count => _objects.Count;

    public void Put(MosObject obj)
    {
        _objects[(obj.DeviceId, obj.Id)] = obj;
        if (_objects.Count > limit)
        {
            foreach (var old in _objects.Values.OrderBy(o => o.ReceivedAt).Take(_objects.Count - limit).ToList())
            {
                _objects.TryRemove((old.DeviceId, old.Id), out _);
            }
        }
    }

    public MosObject? Find(string deviceId, string id) => _objects.GetValueOrDefault((deviceId, id));

    /// <summary>A device's objects, at most <paramref name="take"/> of them, by slug.</summary>
    public IReadOnlyList<MosObject> Of(string deviceId, int take = 200) =>
        [.. _objects.Values.Where(o => o.DeviceId == deviceId).OrderBy(o => o.Slug, StringComparer.Ordinal).Take(take)];
}
