using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// The rundown's workflow as one table. Producers run the show; editors may shape it while it is being planned.
/// A locked rundown is frozen for everyone but the producer, who can still react to news; once the show is done
/// nothing changes, so what aired stays on record. Anything not in the table is refused.
/// </summary>
public static class RundownWorkflow
{
    private static readonly IReadOnlySet<string> Producers = Roles(StaffRoles.Producer);
    private static readonly IReadOnlySet<string> Planners = Roles(StaffRoles.Producer, StaffRoles.Editor);

    public static readonly IReadOnlyList<RundownStep> Steps =
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
    ];

    public static RundownStep? Find(RundownStatus from, RundownAction action) =>
        Steps.FirstOrDefault(s => s.From == from && s.Action == action);

    /// <summary>Whether someone holding these roles may take this action on a rundown in this state.</summary>
    public static bool Allows(IEnumerable<string> roles, RundownStatus from, RundownAction action) =>
        Find(from, action) is { } step && roles.Any(step.Roles.Contains);

    /// <summary>Whether any state lets these roles take the action at all (403 versus 409).</summary>
    public static bool RoleMayEver(IEnumerable<string> roles, RundownAction action)
    {
        var held = roles.ToList();
        return Steps.Any(s => s.Action == action && held.Any(s.Roles.Contains));
    }

    /// <summary>The actions open to these roles on a rundown in this state, in table order.</summary>
    public static IReadOnlyList<RundownAction> ActionsFor(IEnumerable<string> roles, RundownStatus from)
    {
        var held = roles.ToList();
        return [.. Steps.Where(s => s.From == from && held.Any(s.Roles.Contains)).Select(s => s.Action).Distinct()];
    }

    /// <summary>Why the action is not open in this state, in words a producer understands.</summary>
    public static string WhyNot(RundownStatus from, RundownAction action)
    {
        if (from == RundownStatus.Done)
        {
            return "The show is over; its rundown is kept as it aired.";
        }

        var open = Steps.Where(s => s.From == from).Select(s => Code(s.Action));
        var fromWhere = Steps.Where(s => s.Action == action).Select(s => Code(s.From)).Distinct();
        return $"'{Code(action)}' is open to rundowns that are {string.Join(" or ", fromWhere)}; " +
               $"this one is {Code(from)} and can be: {string.Join(", ", open)}.";
    }

    public static string Code(RundownAction action) => action.ToString().ToLowerInvariant();

    public static string Code(RundownStatus status) => status == RundownStatus.OnAir ? "on air" : status.ToString().ToLowerInvariant();

    private static HashSet<string> Roles(params string[] roles) => new(roles, StringComparer.Ordinal);
}
