using Bulletin.Core.Text;

namespace Bulletin.Core.Workflow;

/// <summary>
/// What a workflow action came to, with a reason people can read when it was refused: in both languages, because
/// the same refusal is shown on a newsroom page in its reader's language and in an API answer in English.
/// </summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, Phrase? Reason = null)
{
    public static readonly WorkflowResult Done = new(WorkflowOutcome.Done);
    public static readonly WorkflowResult Unchanged = new(WorkflowOutcome.Unchanged);

    public bool Succeeded => Outcome is WorkflowOutcome.Done or WorkflowOutcome.Unchanged;

    public static WorkflowResult Invalid(Phrase reason) => new(WorkflowOutcome.Invalid, reason);

    public static WorkflowResult Stale(Phrase reason) => new(WorkflowOutcome.Stale, reason);

    public static WorkflowResult NotFound(Phrase reason) => new(WorkflowOutcome.NotFound, reason);
}
