namespace Bulletin.Core.Workflow;

/// <summary>
/// A workflow as one table of rows (from, action, to, roles): stories, tips and whatever comes next use this one
/// shape. Anything not in the table is refused, and the refusal says whether the roles or the state stand in the way,
/// in words the people using the desk understand.
/// </summary>
public sealed class WorkflowTable<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly string _noun;
    private readonly string _nouns;
    private readonly EnumCodes<TState> _states;
    private readonly EnumCodes<TAction> _actions;
    private readonly Func<TAction, string> _pastTense;

    /// <param name="noun">What moves through the table ("story", "tip"), for the reasons it gives; <paramref name="nouns"/> for more than one.</param>
    /// <param name="pastTense">What an action did ("approved"), for the reasons it gives.</param>
    public WorkflowTable(string noun, string nouns, EnumCodes<TState> states, EnumCodes<TAction> actions, Func<TAction, string> pastTense,
        IReadOnlyList<WorkflowStep<TState, TAction>> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(noun);
        ArgumentNullException.ThrowIfNull(steps);
        var twice = steps.GroupBy(s => (s.From, s.Action)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"The {noun} table has two rows for {twice.Key.Action} from {twice.Key.From}.", nameof(steps));
        }

        _noun = noun;
        _nouns = nouns;
        _states = states;
        _actions = actions;
        _pastTense = pastTense;
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
            var who = held.Count == 0 ? "no role" : string.Join(", ", held);
            return new WorkflowResult(WorkflowOutcome.Forbidden, $"Your roles ({who}) may not {_actions.Of(action)} {_nouns}.");
        }

        if (Find(from, action) is not { } step)
        {
            return new WorkflowResult(WorkflowOutcome.NotAllowedNow, WhyNot(from, action));
        }

        if (!held.Any(step.Roles.Contains))
        {
            var state = from is { } f ? $"A {_states.Of(f)} {_noun}" : $"A new {_noun}";
            return new WorkflowResult(WorkflowOutcome.Forbidden,
                $"{state} may be {_pastTense(action)} only by: {string.Join(", ", step.Roles.Order(StringComparer.Ordinal))}.");
        }

        return WorkflowResult.Done;
    }

    /// <summary>Why the action is not open in this state, in words an editor understands.</summary>
    public string WhyNot(TState? from, TAction action)
    {
        if (from is not { } state)
        {
            return $"A {_noun} cannot be made by '{_actions.Of(action)}'.";
        }

        // What people may do from here: Bulletin's own rows (imports, the scheduler) would only confuse.
        var open = Steps.Where(s => Nullable.Equals(s.From, state) && s.Roles.Any(StaffRoles.All.Contains))
            .Select(s => _actions.Of(s.Action)).Distinct().ToList();
        if (open.Count == 0)
        {
            return $"The {_noun} is {_states.Of(state)}; nothing more can be done with it.";
        }

        var fromWhere = Steps.Where(s => EqualityComparer<TAction>.Default.Equals(s.Action, action) && s.From is not null
                && s.Roles.Any(StaffRoles.All.Contains))
            .Select(s => _states.Of(s.From!.Value)).Distinct().ToList();
        var openTo = fromWhere.Count == 0 ? "" : $"'{_actions.Of(action)}' is open to {_nouns} that are {string.Join(" or ", fromWhere)}; ";
        return $"A {_states.Of(state)} {_noun} cannot be {_pastTense(action)}. {openTo}this one can be: {string.Join(", ", open)}.";
    }

    /// <summary>Every role named anywhere in the table.</summary>
    public IReadOnlySet<string> Roles() => Steps.SelectMany(s => s.Roles).ToHashSet(StringComparer.Ordinal);
}
