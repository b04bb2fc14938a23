namespace Bulletin.Core.Workflow;

/// <summary>What a member of staff can do to a story.</summary>
public enum StoryAction
{
    Edit,
    Submit,
    Approve,
    Schedule,
    Publish,
    Correct,
    Unpublish,
    Kill,
}
