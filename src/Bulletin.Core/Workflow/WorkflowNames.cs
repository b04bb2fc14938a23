using Bulletin.Core.Text;

namespace Bulletin.Core.Workflow;

/// <summary>
/// What a workflow table calls its things, states and actions when it gives a reason, in both languages; each
/// workflow keeps its names in a catalogue beside its table (<c>StoryWorkflowText</c>, <c>TipWorkflowText</c>...).
/// </summary>
/// <param name="Noun">One thing moving through the table (기사 / story).</param>
/// <param name="Nouns">More than one (기사 / stories).</param>
public sealed record WorkflowNames<TState, TAction>(Phrase Noun, Phrase Nouns, Func<TState, Phrase> State, Func<TAction, Phrase> Action)
    where TState : struct, Enum
    where TAction : struct, Enum;
