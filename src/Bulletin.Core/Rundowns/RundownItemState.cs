namespace Bulletin.Core.Rundowns;

/// <summary>How far an item has come for air.</summary>
public enum RundownItemState
{
    NotReady,
    Ready,
    Approved,
}
