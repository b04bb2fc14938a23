namespace Bulletin.Core.Workflow;

/// <summary>The lower-case codes of story actions, as URLs, JSON and revisions write them.</summary>
public static class StoryActions
{
    public static readonly EnumCodes<StoryAction> Codes = new(a => a == StoryAction.ImportLive ? "import-live" : null);

    /// <summary>The actions staff take through the action routes (editing and creating have routes of their own).</summary>
    public static readonly IReadOnlyList<StoryAction> OnTheActionRoute =
        [StoryAction.Submit, StoryAction.Approve, StoryAction.Schedule, StoryAction.Publish, StoryAction.Correct,
         StoryAction.Unpublish, StoryAction.Kill];

    public static string ToCode(this StoryAction action) => Codes.Of(action);

    public static bool TryParse(string? code, out StoryAction action) => Codes.TryParse(code, out action);
}
