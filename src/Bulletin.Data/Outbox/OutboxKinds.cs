namespace Bulletin.Data.Outbox;

public static class OutboxKinds
{
    public const string StoryChanged = "story-changed";
    public const string StoryPublished = "story-published";
    public const string StoryRemoved = "story-removed";
    public const string CurationChanged = "curation-changed";
}
