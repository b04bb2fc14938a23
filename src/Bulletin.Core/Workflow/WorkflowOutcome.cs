namespace Bulletin.Core.Workflow;

/// <summary>How a workflow action came out: done, or refused and why.</summary>
public enum WorkflowOutcome
{
    Done,

    /// <summary>Allowed, but it would change nothing, so nothing was saved.</summary>
    Unchanged,

    NotFound,

    /// <summary>The actor's roles do not allow it (403).</summary>
    Forbidden,

    /// <summary>The current state does not allow it (409); the reason says what would.</summary>
    NotAllowedNow,

    /// <summary>Based on an older version than the saved one (409): someone else acted first.</summary>
    Stale,

    /// <summary>Something the action needs is missing or wrong (400).</summary>
    Invalid,
}
