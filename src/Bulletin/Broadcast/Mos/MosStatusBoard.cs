using System.Collections.Concurrent;

namespace Bulletin.Broadcast.Mos;

/// <summary>The latest status each device reported for each element, for the rundown page to show.</summary>
public sealed class MosStatusBoard
{
    private readonly ConcurrentDictionary<(string Device, string Ro, string? Story, string? Item), MosElementStatus> _latest = new();

    public void Record(MosElementStatus status) =>
        _latest[(status.DeviceId, status.RunningOrderId, status.StoryId, status.ItemId)] = status;

    public IReadOnlyList<MosElementStatus> Of(string runningOrderId) =>
        [.. _latest.Values.Where(s => s.RunningOrderId == runningOrderId)];
}
