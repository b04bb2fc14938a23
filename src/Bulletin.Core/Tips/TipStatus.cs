namespace Bulletin.Core.Tips;

/// <summary>Where a tip stands on the desk. <see cref="TipWorkflow"/> says which moves are allowed.</summary>
public enum TipStatus
{
    New,
    Reviewing,
    Assigned,
    Used,
    Declined,
    Spam,
}
