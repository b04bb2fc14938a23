using Microsoft.Extensions.Options;

namespace Bulletin.Media;

/// <summary>
/// How many photos are decoded at once in this process. Each holds up to about 100 MB of pixels, so without a
/// gate a burst of uploads would multiply that; with it the rest wait their turn.
/// </summary>
public sealed class MediaRenditionSlots(IOptions<MediaLibraryOptions> options) : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(Math.Max(1, options.Value.ConcurrentRenditions));

    public void Dispose() => Gate.Dispose();
}
