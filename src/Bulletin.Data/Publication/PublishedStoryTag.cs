using Bulletin.Core.Stories;

namespace Bulletin.Data.Publication;

/// <summary>
/// One tag of a published story, as a row: a tag page or feed is then an index range (tag, edition, newest
/// first), whatever the archive's size. Edition and time are copied here so that the range needs no join to sort.
/// </summary>
public sealed class PublishedStoryTag
{
    private PublishedStoryTag()
    {
        Tag = "";
    }

    public PublishedStoryTag(Guid storyId, string tag, Language language, DateTimeOffset publishedAt)
    {
        StoryId = storyId;
        Tag = tag;
        Language = language;
        PublishedAt = publishedAt.ToUniversalTime();
    }

    public Guid StoryId { get; private set; }
    public string Tag { get; private set; }
    public Language Language { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>A republished story may come back in another edition or with another time.</summary>
    public void Follow(Language language, DateTimeOffset publishedAt)
    {
        Language = language;
        PublishedAt = publishedAt.ToUniversalTime();
    }
}
