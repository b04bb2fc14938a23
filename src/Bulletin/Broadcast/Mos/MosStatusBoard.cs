using System.Collections.Concurrent;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The latest status each device reported for each element, for the rundown page to show; each new word is passed
/// to <paramref name="reported"/> (the host announces it to the open rundown pages).
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

    public IReadOnlyList<MosElementStatus> Of(string runningOrderId) =>
        [.. _latest.Values.Where(s => s.RunningOrderId == runningOrderId)];
}
