using Bulletin.Core.Stories;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>Puts stories into a test database the way an operator would: as page files, through `bulletin import --publish`.</summary>
internal static class TestStories
{
    public static async Task ImportAsync(TestDatabase database, IEnumerable<StoryContent> stories, string? section = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "pages-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var i = 0;
        foreach (var story in stories)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i++:00000}.txt"), BroadcastPageWriter.Write(story), TestContext.Current.CancellationToken);
        }

        string[] args = section is null ? ["import", "--publish", folder] : ["import", "--publish", "--section", section, folder];
        var import = await BulletinCli.RunAsync(database, args);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
    }

    /// <summary>The story's public path, as the site builds it from the headline and the time.</summary>
    public static string PathOf(StoryContent story) =>
        Site.StoryPaths.Story(story.Language, Slugs.ForStory(story.Headline, story.PublishedAt!.Value.ToOffset(SiteOffset)));

    /// <summary>The site's zone (Asia/Seoul) has no daylight saving; pages carry their times in it.</summary>
    public static readonly TimeSpan SiteOffset = TimeSpan.FromHours(9);

    /// <summary>An English story with every part of a script, and characters that must be escaped in XML and HTML.</summary>
    public static StoryContent English(string headline, DateTimeOffset publishedAt, params string[] tags) => new()
    {
        Headline = headline,
        Language = Language.English,
        Bylines = ["Daniel Cho"],
        Tags = tags,
        Segments =
        [
            new(SegmentKind.Anchor, "Ports are bracing for storms & delays.\n\nDaniel Cho reports."),
            new(SegmentKind.Reporter, "Cranes stand idle at the <terminal> as crews tie down \"stacks\"."),
            new(SegmentKind.Soundbite, "We have never seen a season like this.", "Mina Park", "Harbour master", "Yesterday"),
        ],
        SignOff = "Daniel Cho, Bulletin News.",
        PublishedAt = publishedAt,
    };

    public static StoryContent Korean(string headline, DateTimeOffset publishedAt, params string[] tags) => new()
    {
        Headline = headline,
        Subheadlines = ["시간당 50mm 넘는 비"],
        Language = Language.Korean,
        Bylines = ["김하늘"],
        Tags = tags,
        Segments =
        [
            new(SegmentKind.Anchor, "밤사이 많은 비가 내렸습니다.\n\n김하늘 기자가 보도합니다."),
            new(SegmentKind.Reporter, "하천 산책로 입구가 통제선으로 막혔습니다."),
            new(SegmentKind.Soundbite, "물이 순식간에 불어났어요.", "이서준", "인근 주민", "어제"),
        ],
        SignOff = "YTN 김하늘입니다.",
        PublishedAt = publishedAt,
    };
}
