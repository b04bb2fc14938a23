namespace Bulletin.Publishing;

/// <summary>
/// How far this node's search index is, for a readiness check or a status page: a snapshot, read at any time from
/// any thread. <see cref="Total"/> is the number of stories to index (0 until it is known).
/// </summary>
public sealed record SearchIndexProgress(SearchIndexState State, long Indexed, long Total)
{
    public bool IsReady => State == SearchIndexState.Ready;

    /// <summary>0 to 100; 100 when there is nothing to do.</summary>
    public int Percent => State == SearchIndexState.Ready || Total <= 0
        ? (State == SearchIndexState.Rebuilding ? 0 : 100)
        : (int)Math.Min(100, Indexed * 100 / Total);
}
