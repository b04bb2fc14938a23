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

    /// <summary>Every device's objects with this objID (devices name their own, so two may share one).</summary>
    public IReadOnlyList<MosObject> WithId(string id) => [.. _objects.Values.Where(o => o.Id == id).OrderBy(o => o.DeviceId, StringComparer.Ordinal)];

    /// <summary>
    /// What a producer picks from: the objects whose slug or objID holds <paramref name="text"/> (all of them without
    /// it), by slug, at most <paramref name="take"/>. The inventory is in memory and bounded, so this is a walk over
    /// at most its limit, never a query.
    /// </summary>
    public IReadOnlyList<MosObject> Search(string? text, int take)
    {
        var find = text?.Trim() ?? "";
        return [.. _objects.Values
            .Where(o => find.Length == 0 || o.Slug.Contains(find, StringComparison.OrdinalIgnoreCase) || o.Id.Contains(find, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => o.Slug, StringComparer.Ordinal).ThenBy(o => o.DeviceId, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, take))];
    }

    /// <summary>A device's objects, at most <paramref name="take"/> of them, by slug.</summary>
    public IReadOnlyList<MosObject> Of(string deviceId, int take = 200) =>
        [.. _objects.Values.Where(o => o.DeviceId == deviceId).OrderBy(o => o.Slug, StringComparer.Ordinal).Take(take)];
}
