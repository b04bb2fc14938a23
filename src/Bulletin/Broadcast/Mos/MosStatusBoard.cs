using System.Collections.Concurrent;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The latest status each device reported for each element, for the rundown page to show; each new word is passed
/// to <paramref name="reported"/> (the host announces it to the open rundown pages). Only running orders on the
/// devices are reported on (the responder refuses others), and a finished show's are forgotten, so it stays the size
/// of what is on air.
/// </summary>
public sealed class MosStatusBoard(Func<MosElementStatus, Task>? reported = null)
{
    private readonly ConcurrentDictionary<(string Device, string Ro, string? Story, string? Item), MosElementStatus> _latest = new();

    public async Task RecordAsync(MosElementStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _latest[(status.DeviceId, status.RunningOrderId, status.StoryId, status.ItemId)] = status;
        if (reported is not null)
        {
            await reported(status);
        }
    }

    /// <summary>A running order left the studio (its show finished): what devices said of it goes with it.</summary>
    public void Forget(string runningOrderId)
    {
        foreach (var key in _latest.Keys.Where(k => k.Ro == runningOrderId).ToList())
        {
            _latest.TryRemove(key, out _);
        }
    }

    public IReadOnlyList<MosElementStatus> Of(string runningOrderId) =>
        [.. _latest.Values.Where(s => s.RunningOrderId == runningOrderId)];
}
