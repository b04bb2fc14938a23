using Bulletin.Core.Stories;

namespace Bulletin.Core.Workflow;

/// <summary>One row of the workflow table: from a state, an action leads to a state, for these roles.</summary>
public sealed record WorkflowStep(StoryStatus From, StoryAction Action, StoryStatus To, IReadOnlySet<string> Roles);
