using Bulletin.Core.Stories;
using Bulletin.Core.Text;
using Bulletin.Core.Workflow;

namespace Bulletin.Newsroom;

/// <summary>The result of a change to a story, with the story as it now stands when there is one.</summary>
public sealed record StoryChange(WorkflowOutcome Outcome, Story? Current, Phrase? Message = null)
{
    public bool Succeeded => Outcome is WorkflowOutcome.Done or WorkflowOutcome.Unchanged;

    public static StoryChange From(WorkflowResult result, Story? current) => new(result.Outcome, current, result.Reason);
}
