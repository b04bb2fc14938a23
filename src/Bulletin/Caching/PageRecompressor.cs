using System.Threading.Channels;
using Bulletin.Publishing;
using Microsoft.Extensions.Options;

namespace Bulletin.Caching;

/// <summary>
/// Makes the smallest Brotli and gzip copies of the pages readers come back to, on one thread at the lowest
/// priority, so that the request that fills the cache pays only for a fast copy in the coding it asked for. The
/// queue is bounded: when it is full a page keeps its fast copy, and a later read offers it again.
/// </summary>
internal sealed partial class PageRecompressor(PageCache cache, IOptions<PageCacheOptions> options, TimeProvider time,
    ILogger<PageRecompressor> logger) : IHostedService
{
    private const int QueueLength = 1024;

    private readonly Channel<(CachedPage Page, Coding Coding)> _queue = Channel.CreateBounded<(CachedPage, Coding)>(
        new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>Called on a read of a copy that is not yet the smallest; cheap when the page was offered before.</summary>
    public void Offer(CachedPage page, Coding coding)
    {
        if (page.ClaimRecompression(coding) && !_queue.Writer.TryWrite((page, coding)))
        {
            page.ReleaseRecompression(coding);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        new Thread(Run) { IsBackground = true, Name = "page recompression" }.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The thread is a background one: a page being compressed as the host stops is simply not finished.
        _queue.Writer.TryComplete();
        return Task.CompletedTask;
    }

    private void Run()
    {
        LowPriorityThread.TryLowerCurrent();
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var job))
            {
                var (page, coding) = job;
                if (!Volatile.Read(ref page.Stored) || time.GetTimestamp() >= page.ExpiresAt)
                {
                    continue;
                }

                try
                {
                    if (page.Compress(coding, best: true, options.Value) is { } best)
                    {
                        cache.InstallBest(page, coding, best);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogFailed(logger, e, page.Key);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make the smallest copy of the cached page {Key}; it keeps its fast one.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string key);
}
