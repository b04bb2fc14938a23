using Bulletin.Core.Stories;

namespace Bulletin.Newsroom;

/// <summary>The result of a change to a story, with the story as it now stands when there is one.</summary>
public sealed record StoryChange(StoryChangeOutcome Outcome, Story? Current, string? Message = null)
{
    public bool Succeeded => Outcome == StoryChangeOutcome.Done;
}
