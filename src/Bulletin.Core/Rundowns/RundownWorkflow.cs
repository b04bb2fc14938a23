using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// The rundown's workflow as one table. Producers run the show; editors may shape it while it is being planned.
/// A locked rundown is frozen for everyone but the producer, who can still react to news; once the show is done
/// nothing changes, so what aired stays on record. Anything not in the table is refused.
/// </summary>
public static class RundownWorkflow
{
    private static readonly IReadOnlySet<string> Producers = StaffRoles.Set(StaffRoles.Producer);
    private static readonly IReadOnlySet<string> Planners = StaffRoles.Set(StaffRoles.Producer, StaffRoles.Editor);

    /// <summary>"on air" is how a producer says it; the other codes are the names in lower case.</summary>
    public static readonly EnumCodes<RundownStatus> StatusCodes = new(s => s == RundownStatus.OnAir ? "on air" : null);

    public static readonly EnumCodes<RundownAction> ActionCodes = new();

    public static readonly WorkflowTable<RundownStatus, RundownAction> Table = new("rundown", "rundowns", StatusCodes, ActionCodes, PastTense,
    [
        new(RundownStatus.Planning, RundownAction.Edit, RundownStatus.Planning, Planners),
        new(RundownStatus.Planning, RundownAction.Lock, RundownStatus.Locked, Producers),
        new(RundownStatus.Planning, RundownAction.Activate, RundownStatus.OnAir, Producers),

        new(RundownStatus.Locked, RundownAction.Edit, RundownStatus.Locked, Producers),
        new(RundownStatus.Locked, RundownAction.Unlock, RundownStatus.Planning, Producers),
        new(RundownStatus.Locked, RundownAction.Activate, RundownStatus.OnAir, Producers),

        new(RundownStatus.OnAir, RundownAction.Edit, RundownStatus.OnAir, Producers),
        new(RundownStatus.OnAir, RundownAction.Next, RundownStatus.OnAir, Producers),
        new(RundownStatus.OnAir, RundownAction.Take, RundownStatus.OnAir, Producers),
        new(RundownStatus.OnAir, RundownAction.Finish, RundownStatus.Done, Producers),
    ]);

    public static IReadOnlyList<WorkflowStep<RundownStatus, RundownAction>> Steps => Table.Steps;

    public static WorkflowStep<RundownStatus, RundownAction>? Find(RundownStatus from, RundownAction action) => Table.Find(from, action);

    /// <summary>Whether someone holding these roles may take this action on a rundown in this state.</summary>
    public static bool Allows(IEnumerable<string> roles, RundownStatus from, RundownAction action) => Table.Allows(roles, from, action);

    /// <summary>Whether any state lets these roles take the action at all (403 versus 409).</summary>
    public static bool RoleMayEver(IEnumerable<string> roles, RundownAction action) => Table.RoleMayEver(roles, action);

    /// <summary>The actions open to these roles on a rundown in this state, in table order.</summary>
    public static IReadOnlyList<RundownAction> ActionsFor(IEnumerable<string> roles, RundownStatus from) => Table.ActionsFor(roles, from);

    /// <summary>Why the action is not open in this state, in words a producer understands.</summary>
    public static string WhyNot(RundownStatus from, RundownAction action)
    {
        if (from == RundownStatus.Done)
        {
            return "The show is over; its rundown is kept as it aired.";
        }

        var open = Steps.Where(s => s.From == from).Select(s => Code(s.Action));
        var fromWhere = Steps.Where(s => s.Action == action).Select(s => Code(s.From!.Value)).Distinct();
        return $"'{Code(action)}' is open to rundowns that are {string.Join(" or ", fromWhere)}; " +
               $"this one is {Code(from)} and can be: {string.Join(", ", open)}.";
    }

    public static string Code(RundownAction action) => ActionCodes.Of(action);

    public static string Code(RundownStatus status) => StatusCodes.Of(status);

    private static string PastTense(RundownAction action) => action switch
    {
        RundownAction.Edit => "edited",
        RundownAction.Lock => "locked",
        RundownAction.Unlock => "unlocked",
        RundownAction.Activate => "put on air",
        RundownAction.Next => "given a next item",
        RundownAction.Take => "taken",
        RundownAction.Finish => "finished",
        _ => Code(action),
    };
}
