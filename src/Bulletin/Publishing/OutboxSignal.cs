namespace Bulletin.Publishing;

/// <summary>
/// Wakes the outbox processor as soon as this process commits a change, so the public site catches up at once;
/// changes committed by other processes (an import, another node) are picked up by its regular poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

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
