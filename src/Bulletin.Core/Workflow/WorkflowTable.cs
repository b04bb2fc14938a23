using Bulletin.Core.Text;

namespace Bulletin.Core.Workflow;

/// <summary>
/// A workflow as one table of rows (from, action, to, roles): stories, tips and whatever comes next use this one
/// shape. Anything not in the table is refused, and the refusal says whether the roles or the state stand in the way,
/// in words the people using the desk understand, in both languages.
/// </summary>
public sealed class WorkflowTable<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly WorkflowNames<TState, TAction> _names;

    public WorkflowTable(WorkflowNames<TState, TAction> names, IReadOnlyList<WorkflowStep<TState, TAction>> steps)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(steps);
        var twice = steps.GroupBy(s => (s.From, s.Action)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"The {names.Noun.English} table has two rows for {twice.Key.Action} from {twice.Key.From}.", nameof(steps));
        }

        _names = names;
        Steps = steps;
    }

    public IReadOnlyList<WorkflowStep<TState, TAction>> Steps { get; }

    /// <summary>The row for this action from this state; <paramref name="from"/> null asks for a creating row.</summary>
    public WorkflowStep<TState, TAction>? Find(TState? from, TAction action) =>
        Steps.FirstOrDefault(s => Nullable.Equals(s.From, from) && EqualityComparer<TAction>.Default.Equals(s.Action, action));

    /// <summary>Whether someone holding these roles may take this action from this state.</summary>
    public bool Allows(IEnumerable<string> roles, TState? from, TAction action) =>
        Find(from, action) is { } step && roles.Any(step.Roles.Contains);

    /// <summary>Whether any state lets these roles take the action at all (403 versus 409).</summary>
    public bool RoleMayEver(IEnumerable<string> roles, TAction action)
    {
        var held = roles.ToList();
        return Steps.Any(s => EqualityComparer<TAction>.Default.Equals(s.Action, action) && held.Any(s.Roles.Contains));
    }

    /// <summary>The actions open to these roles from this state, in table order.</summary>
    public IReadOnlyList<TAction> ActionsFor(IEnumerable<string> roles, TState from)
    {
        var held = roles.ToList();
        return [.. Steps.Where(s => Nullable.Equals(s.From, from) && held.Any(s.Roles.Contains)).Select(s => s.Action).Distinct()];
    }

    /// <summary>
    /// Done when the roles may take the action from this state; otherwise refused, saying why: the roles never may
    /// (forbidden), this state does not allow it (not now), or only other roles may from here (forbidden).
    /// </summary>
    public WorkflowResult Check(IEnumerable<string> roles, TState? from, TAction action)
    {
        var held = roles.ToList();
        if (!RoleMayEver(held, action))
        {
            var who = held.Count == 0 ? WorkflowText.NoRole : WorkflowText.Join(held.Select(WorkflowText.Role));
            return new WorkflowResult(WorkflowOutcome.Forbidden, WorkflowText.RolesMayNot.With(who, _names.Nouns, _names.Action(action)));
        }

        if (Find(from, action) is not { } step)
        {
            return new WorkflowResult(WorkflowOutcome.NotAllowedNow, WhyNot(from, action));
        }

        if (!held.Any(step.Roles.Contains))
        {
            var may = WorkflowText.Join(step.Roles.Order(StringComparer.Ordinal).Select(WorkflowText.Role));
            return new WorkflowResult(WorkflowOutcome.Forbidden, from is { } state
                ? WorkflowText.OnlyBy.With(_names.State(state), _names.Noun, _names.Action(action), may)
                : WorkflowText.OnlyByWhenNew.With(_names.Noun, _names.Action(action), may));
        }

        return WorkflowResult.Done;
    }

    /// <summary>Why the action is not open in this state, in words the people at the desk understand.</summary>
    public Phrase WhyNot(TState? from, TAction action)
    {
        if (from is not { } state)
        {
            return WorkflowText.NotACreatingAction.With(_names.Noun, _names.Action(action));
        }

        // What people may do from here: Bulletin's own rows (imports, the scheduler) would only confuse.
        var open = Steps.Where(s => Nullable.Equals(s.From, state) && s.Roles.Any(StaffRoles.All.Contains))
            .Select(s => s.Action).Distinct().Select(_names.Action).ToList();
        if (open.Count == 0)
        {
            return WorkflowText.NothingMore.With(_names.State(state), _names.Noun);
        }

        var fromWhere = Steps.Where(s => EqualityComparer<TAction>.Default.Equals(s.Action, action) && s.From is not null
                && s.Roles.Any(StaffRoles.All.Contains))
            .Select(s => s.From!.Value).Distinct().Select(_names.State).ToList();
        List<Phrase> parts = [WorkflowText.NotInThisState.With(_names.State(state), _names.Noun, _names.Action(action))];
        if (fromWhere.Count > 0)
        {
            parts.Add(WorkflowText.OpenFrom.With(_names.Action(action), WorkflowText.Join(fromWhere, WorkflowText.Or), _names.Nouns));
        }

        parts.Add(WorkflowText.OpenToThisOne.With(_names.Noun, WorkflowText.Join(open)));
        return WorkflowText.Join(parts, new Phrase(" ", " "));
    }

    /// <summary>Every role named anywhere in the table.</summary>
    public IReadOnlySet<string> Roles() => Steps.SelectMany(s => s.Roles).ToHashSet(StringComparer.Ordinal);
}
