namespace Bulletin.Core.Rundowns;

/// <summary>What a member of staff can do to a rundown.</summary>
public enum RundownAction
{
    /// <summary>Add, move, float, remove or retime items.</summary>
    Edit,
    Lock,
    Unlock,

    /// <summary>Put the rundown on air: from here it goes to the studio's MOS devices and is kept in step.</summary>
    Activate,

    /// <summary>Choose which item goes on air at the next Take.</summary>
    Next,

    /// <summary>The next item goes on air; the one on air has aired.</summary>
    Take,

    /// <summary>The show is over: the item on air has aired and nothing more changes.</summary>
    Finish,
}
