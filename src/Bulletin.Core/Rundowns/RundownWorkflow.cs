using Bulletin.Core.Workflow;

using static Bulletin.Core.Rundowns.RundownAction;
using static Bulletin.Core.Rundowns.RundownStatus;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// The rundown's workflow as one table, in the same shape as stories' and tips'. Producers run the show; editors
/// may shape it while it is being planned. A locked rundown is frozen for everyone but the producer, who can still
/// react to news; once the show is done nothing changes, so what aired stays on record.
/// </summary>
public static class RundownWorkflow
{
    private static readonly IReadOnlySet<string> Producers = StaffRoles.Set(StaffRoles.Producer);
    private static readonly IReadOnlySet<string> Planners = StaffRoles.Set(StaffRoles.Producer, StaffRoles.Editor);

    public static readonly WorkflowTable<RundownStatus, RundownAction> Table = new(RundownWorkflowText.Names,
        [
            new(Planning, Edit, Planning, Planners),
            new(Planning, RundownAction.Lock, Locked, Producers),
            new(Planning, Activate, OnAir, Producers),

            new(Locked, Edit, Locked, Producers),
            new(Locked, Unlock, Planning, Producers),
            new(Locked, Activate, OnAir, Producers),

            new(OnAir, Edit, OnAir, Producers),
            new(OnAir, Next, OnAir, Producers),
            new(OnAir, Take, OnAir, Producers),
            new(OnAir, Finish, Done, Producers),
        ]);
}
