namespace Bulletin.Core.Tips;

/// <summary>The tip desk's workflow as one table: from each status, the statuses a tip may move to.</summary>
public static class TipWorkflow
{
    private static readonly Dictionary<TipStatus, TipStatus[]> Moves = new()
    {
        [TipStatus.New] = [TipStatus.Reviewing, TipStatus.Assigned, TipStatus.Declined, TipStatus.Spam],
        [TipStatus.Reviewing] = [TipStatus.Assigned, TipStatus.Used, TipStatus.Declined, TipStatus.Spam],
        [TipStatus.Assigned] = [TipStatus.Reviewing, TipStatus.Used, TipStatus.Declined, TipStatus.Spam],
        // A declined tip can be looked at again while it is still kept; spam and used tips are settled.
        [TipStatus.Declined] = [TipStatus.Reviewing],
        [TipStatus.Used] = [],
        [TipStatus.Spam] = [],
    };

    public static bool CanMove(TipStatus from, TipStatus to) => Moves[from].Contains(to);

    public static IReadOnlyList<TipStatus> NextFrom(TipStatus from) => Moves[from];

    /// <summary>Statuses whose tips are deleted, content and files, once the retention period has passed.</summary>
    public static bool IsDeletedAfterRetention(TipStatus status) => status is TipStatus.Declined or TipStatus.Spam;
}
