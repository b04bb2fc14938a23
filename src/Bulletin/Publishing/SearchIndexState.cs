namespace Bulletin.Publishing;

/// <summary>Where this node's search index stands.</summary>
public enum SearchIndexState
{
    /// <summary>Opened; its files are being checked in the background. Search answers from it meanwhile.</summary>
    Checking,

    /// <summary>Complete and following the outbox.</summary>
    Ready,

    /// <summary>Being rebuilt from the database; search answers from what it has until the new index is complete.</summary>
    Rebuilding,

    /// <summary>The last rebuild failed; search answers from what it has, and the next start tries again.</summary>
    Failed,
}
