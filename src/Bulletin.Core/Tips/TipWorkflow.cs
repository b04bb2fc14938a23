using Bulletin.Core.Workflow;

using static Bulletin.Core.Tips.TipAction;
using static Bulletin.Core.Tips.TipStatus;

namespace Bulletin.Core.Tips;

/// <summary>
/// The tip desk's workflow as one table, in the same shape as the stories'. Readers send tips; the tip desk and
/// editors handle them. Notes, links and merges change no status; spam is never answered.
/// </summary>
public static class TipWorkflow
{
    /// <summary>Who handles tips: the desk's pages and API admit these roles, and no others.</summary>
    public static readonly IReadOnlySet<string> Desk = StaffRoles.Set(StaffRoles.TipDesk, StaffRoles.Editor);

    private static readonly IReadOnlySet<string> Readers = StaffRoles.Set(StaffRoles.Reader);

    public static readonly WorkflowTable<TipStatus, TipAction> Table = new(TipWorkflowText.Names,
        [
            new(null, Receive, New, Readers),

            new(New, Review, Reviewing, Desk),
            new(New, Assign, Assigned, Desk),
            new(New, Decline, Declined, Desk),
            new(New, TipAction.Spam, TipStatus.Spam, Desk),

            new(Reviewing, Assign, Assigned, Desk),
            new(Reviewing, Use, Used, Desk),
            new(Reviewing, Decline, Declined, Desk),
            new(Reviewing, TipAction.Spam, TipStatus.Spam, Desk),

            new(Assigned, Review, Reviewing, Desk),
            new(Assigned, Assign, Assigned, Desk),
            new(Assigned, Use, Used, Desk),
            new(Assigned, Decline, Declined, Desk),
            new(Assigned, TipAction.Spam, TipStatus.Spam, Desk),

            // A declined tip can be looked at again while it is still kept; spam and used tips are settled.
            new(Declined, Review, Reviewing, Desk),

            .. Everywhere(Note),
            .. Everywhere(Link),
            .. Everywhere(Merge),
            .. Everywhere(Reply).Where(s => s.From != TipStatus.Spam),
        ]);

    /// <summary>Statuses whose tips are deleted, content and files, once the retention period has passed.</summary>
    public static bool IsDeletedAfterRetention(TipStatus status) => status is Declined or TipStatus.Spam;

    /// <summary>An action that leaves the status as it is, from every status.</summary>
    private static IEnumerable<WorkflowStep<TipStatus, TipAction>> Everywhere(TipAction action) =>
        Enum.GetValues<TipStatus>().Select(status => new WorkflowStep<TipStatus, TipAction>(status, action, status, Desk));
}
