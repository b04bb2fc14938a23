using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;

namespace Bulletin.Search.Tests;

public sealed class SearchDocumentTests
{
    [Fact]
    public void From_StoryWithScript_TakesEverySegmentAndEverySpeaker()
    {
        var now = new DateTimeOffset(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
        var story = Story.Import(Guid.CreateVersion7(), "port-strike", new StoryContent
        {
            Headline = "Port strike ends",
            Language = Language.English,
            Subheadlines = ["Deal reached overnight"],
            Bylines = ["Kim Ji-won"],
            Tags = ["labour"],
            Segments =
            [
                new ScriptSegment(SegmentKind.Anchor, "Dockworkers return on Monday."),
                new ScriptSegment(SegmentKind.Soundbite, "We got what we asked for.", "Jane Holloway", "union spokeswoman"),
                new ScriptSegment(SegmentKind.Reporter, "Ships queue outside the port."),
            ],
        }, sectionId: null, "test", "port-strike", Actor.Importer, now).Value!;

        var draft = SearchDocument.From(story, "business");
        story.ImportLive(Actor.Importer, now);
        var published = SearchDocument.From(PublishedStory.Of(story), "business");

        Assert.False(draft.IsPublished);
        Assert.True(published.IsPublished);
        Assert.Equal(now, published.PublishedAt);
        Assert.Equal("Dockworkers return on Monday.\n\nWe got what we asked for.\n\nShips queue outside the port.", published.Body);
        Assert.Equal(["Jane Holloway", "union spokeswoman"], published.Speakers);
        Assert.Equal("business", published.SectionSlug);
        Assert.Equal(["Deal reached overnight"], published.Subheadlines);
        Assert.Equal(["Kim Ji-won"], published.Bylines);
        Assert.Equal(["labour"], published.Tags);
    }
}
