namespace Bulletin.Core.Workflow;

/// <summary>
/// One row of a workflow table: from a state, an action leads to a state, for these roles. A row without a
/// <see cref="From"/> makes the thing (creating a story, importing one, receiving a tip).
/// </summary>
public sealed record WorkflowStep<TState, TAction>(TState? From, TAction Action, TState To, IReadOnlySet<string> Roles)
    where TState : struct, Enum
    where TAction : struct, Enum;
