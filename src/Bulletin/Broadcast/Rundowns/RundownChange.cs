using Bulletin.Core.Text;
using Bulletin.Core.Workflow;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>The result of a change to a rundown, with the rundown as it now stands when there is one.</summary>
public sealed record RundownChange(WorkflowOutcome Outcome, RundownSheet? Current, Phrase? Message = null)
{
    public bool Succeeded => Outcome is WorkflowOutcome.Done or WorkflowOutcome.Unchanged;
}
