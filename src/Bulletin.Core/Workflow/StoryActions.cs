namespace Bulletin.Core.Workflow;

/// <summary>The lower-case names of actions used in URLs and JSON.</summary>
public static class StoryActions
{
    public static string ToCode(this StoryAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out StoryAction action) =>
        Enum.TryParse(code, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(code, out _);

    public static string PastTense(this StoryAction action) => action switch
    {
        StoryAction.Edit => "edited",
        StoryAction.Submit => "submitted",
        StoryAction.Approve => "approved",
        StoryAction.Schedule => "scheduled",
        StoryAction.Publish => "published",
        StoryAction.Correct => "corrected",
        StoryAction.Unpublish => "unpublished",
        StoryAction.Kill => "killed",
        _ => action.ToString().ToLowerInvariant(),
    };
}
