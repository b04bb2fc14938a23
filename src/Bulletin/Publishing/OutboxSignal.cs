using Bulletin.Caching;

namespace Bulletin.Publishing;

/// <summary>
/// Wakes the outbox processor as soon as this process commits a change, so the public site catches up at once;
/// changes committed by other processes (an import, another node) wake it through <see cref="OutboxListener"/> on
/// PostgreSQL, and are picked up by its regular poll otherwise.
/// </summary>
public sealed class OutboxSignal(PageCache pages, Site.SiteSnapshots snapshots) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    // Without notifications (SQLite, or the listening connection down) the poll is what brings other processes'
    // changes, so it runs often enough to keep them within a second; with them it is only a safety net.
    private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan SlowPoll = TimeSpan.FromSeconds(5);

    private volatile bool _listening;

    /// <summary>True while the PostgreSQL notifications are heard (see <see cref="OutboxListener"/>).</summary>
    public bool Listening
    {
        get => _listening;
        set => _listening = value;
    }

    /// <summary>How long the processor waits for a wake-up before it reads the outbox anyway.</summary>
    public TimeSpan PollInterval => Listening ? SlowPoll : FastPoll;

    /// <summary>
    /// Call after committing an outbox row: this node's cached pages follow before the committing request answers,
    /// so the very next request sees the change (a killed story's 410, a correction's note); the search index and
    /// every other node follow through the outbox.
    /// </summary>
    public void Committed(Guid storyId, string kind) => Committed([(storyId, kind)]);

    /// <summary>The same for many rows committed at once (an import's batch): one eviction pass for all of them.</summary>
    public void Committed(IReadOnlyCollection<(Guid StoryId, string Kind)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        OutboxProcessor.EvictPages(pages, snapshots, changes);
        Notify();
    }

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first; once is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
