namespace Bulletin.Core.Rundowns;

/// <summary>Where a rundown stands: built, frozen for the floor, on air, or over.</summary>
public enum RundownStatus
{
    Planning,
    Locked,
    OnAir,
    Done,
}
