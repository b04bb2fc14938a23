namespace Bulletin.Core.Tips;

/// <summary>What can be done with a tip; <see cref="TipWorkflow"/> says by whom and from which status.</summary>
public enum TipAction
{
    /// <summary>A reader's tip arrives through a channel.</summary>
    Receive,
    Review,
    Assign,
    Use,
    Decline,
    Spam,
    Link,
    Note,
    Reply,
    Merge,
}
