namespace Bulletin.Core.Workflow;

/// <summary>What can be done to a story; <see cref="StoryWorkflow"/> says by whom and from which state.</summary>
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

    /// <summary>Starts a story in the newsroom.</summary>
    Create,

    /// <summary>Applies a source's version of a story (an import): a new one arrives as a draft.</summary>
    Import,

    /// <summary>Puts an imported story live as it stands: the source has already published it.</summary>
    ImportLive,
}
