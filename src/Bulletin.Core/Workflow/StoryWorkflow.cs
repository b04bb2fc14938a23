using Bulletin.Core.Stories;

namespace Bulletin.Core.Workflow;

/// <summary>
/// The editorial workflow as one table. Reporters write and submit; editors edit, approve, schedule, publish,
/// correct, unpublish and kill. Admins manage people and sections, not stories, so they appear in no row.
/// Anything not in the table is refused.
/// </summary>
public static class StoryWorkflow
{
    private static readonly IReadOnlySet<string> Writers = Roles(StaffRoles.Reporter, StaffRoles.Editor);
    private static readonly IReadOnlySet<string> Editors = Roles(StaffRoles.Editor);

    public static readonly IReadOnlyList<WorkflowStep> Steps =
    [
        new(StoryStatus.Draft, StoryAction.Edit, StoryStatus.Draft, Writers),
        new(StoryStatus.Draft, StoryAction.Submit, StoryStatus.Submitted, Writers),
        new(StoryStatus.Draft, StoryAction.Kill, StoryStatus.Killed, Editors),

        new(StoryStatus.Submitted, StoryAction.Edit, StoryStatus.Submitted, Editors),
        new(StoryStatus.Submitted, StoryAction.Approve, StoryStatus.Approved, Editors),
        new(StoryStatus.Submitted, StoryAction.Kill, StoryStatus.Killed, Editors),

        new(StoryStatus.Approved, StoryAction.Edit, StoryStatus.Approved, Editors),
        new(StoryStatus.Approved, StoryAction.Schedule, StoryStatus.Scheduled, Editors),
        new(StoryStatus.Approved, StoryAction.Publish, StoryStatus.Published, Editors),
        new(StoryStatus.Approved, StoryAction.Kill, StoryStatus.Killed, Editors),

        new(StoryStatus.Scheduled, StoryAction.Edit, StoryStatus.Scheduled, Editors),
        new(StoryStatus.Scheduled, StoryAction.Schedule, StoryStatus.Scheduled, Editors),
        new(StoryStatus.Scheduled, StoryAction.Publish, StoryStatus.Published, Editors),
        new(StoryStatus.Scheduled, StoryAction.Kill, StoryStatus.Killed, Editors),

        // Editing a published story changes its working version only; publishing again puts it live.
        new(StoryStatus.Published, StoryAction.Edit, StoryStatus.Published, Editors),
        new(StoryStatus.Published, StoryAction.Publish, StoryStatus.Published, Editors),
        new(StoryStatus.Published, StoryAction.Correct, StoryStatus.Published, Editors),
        new(StoryStatus.Published, StoryAction.Unpublish, StoryStatus.Unpublished, Editors),
        new(StoryStatus.Published, StoryAction.Kill, StoryStatus.Killed, Editors),

        new(StoryStatus.Unpublished, StoryAction.Edit, StoryStatus.Unpublished, Editors),
        new(StoryStatus.Unpublished, StoryAction.Publish, StoryStatus.Published, Editors),
        new(StoryStatus.Unpublished, StoryAction.Kill, StoryStatus.Killed, Editors),
    ];

    public static WorkflowStep? Find(StoryStatus from, StoryAction action) =>
        Steps.FirstOrDefault(s => s.From == from && s.Action == action);

    /// <summary>Whether someone holding these roles may take this action on a story in this state.</summary>
    public static bool Allows(IEnumerable<string> roles, StoryStatus from, StoryAction action) =>
        Find(from, action) is { } step && roles.Any(step.Roles.Contains);

    /// <summary>Whether any state lets these roles take the action at all (403 versus 409).</summary>
    public static bool RoleMayEver(IEnumerable<string> roles, StoryAction action)
    {
        var held = roles.ToList();
        return Steps.Any(s => s.Action == action && held.Any(s.Roles.Contains));
    }

    /// <summary>The actions open to these roles on a story in this state, in table order.</summary>
    public static IReadOnlyList<StoryAction> ActionsFor(IEnumerable<string> roles, StoryStatus from)
    {
        var held = roles.ToList();
        return [.. Steps.Where(s => s.From == from && held.Any(s.Roles.Contains)).Select(s => s.Action).Distinct()];
    }

    /// <summary>Why the action is not open in this state, in words an editor understands.</summary>
    public static string WhyNot(StoryStatus from, StoryAction action)
    {
        var open = Steps.Where(s => s.From == from).Select(s => s.Action.ToCode()).ToList();
        var fromWhere = Steps.Where(s => s.Action == action).Select(s => s.From.ToString().ToLowerInvariant()).Distinct().ToList();
        return from == StoryStatus.Killed
            ? "The story was killed; nothing more can be done with it."
            : $"A {from.ToString().ToLowerInvariant()} story cannot be {action.PastTense()}. " +
              $"'{action.ToCode()}' is open to stories that are {string.Join(" or ", fromWhere)}; " +
              $"this one can be: {string.Join(", ", open)}.";
    }

    private static HashSet<string> Roles(params string[] roles) => new HashSet<string>(roles, StringComparer.Ordinal);
}
