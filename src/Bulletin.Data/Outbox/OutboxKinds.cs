namespace Bulletin.Data.Outbox;

public static class OutboxKinds
{
    public const string StoryChanged = "story-changed";

    /// <summary>The working version changed (a save, a draft, a step before publishing): nothing public moved.</summary>
    public const string StoryEdited = "story-edited";
    public const string StoryPublished = "story-published";
    public const string StoryRemoved = "story-removed";
    public const string CurationChanged = "curation-changed";
}
