namespace Bulletin.Core.Workflow;

/// <summary>What a workflow action came to, with a reason people can read when it was refused.</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, string? Reason = null)
{
    public static readonly WorkflowResult Done = new(WorkflowOutcome.Done);
    public static readonly WorkflowResult Unchanged = new(WorkflowOutcome.Unchanged);

    public bool Succeeded => Outcome is WorkflowOutcome.Done or WorkflowOutcome.Unchanged;

    public static WorkflowResult Invalid(string reason) => new(WorkflowOutcome.Invalid, reason);

    public static WorkflowResult Stale(string reason) => new(WorkflowOutcome.Stale, reason);

    public static WorkflowResult NotFound(string reason) => new(WorkflowOutcome.NotFound, reason);
}
