using Bulletin.Core.Stories;
using Bulletin.Ingest.Wxr;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class WxrReaderTests
{
    private static IReadOnlyList<ReadResult> Read(string path) => WxrReader.Read(File.ReadAllBytes(Samples.Require($"wxr/{path}")));

    [Fact]
    public void Read_ThemeTestData_GivesEveryPostAndPageWithAuthorsCategoriesAndTags()
    {
        var results = Read("theme-test-data/themeunittestdata.wordpress.xml");

        // 58 posts and 21 pages; the 37 attachments and 70 menu items are not stories.
        Assert.Equal(79, results.Count);
        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        Assert.Equal(79, results.Select(r => r.Identity).Distinct().Count());
        Assert.Equal(2, results.Count(r => r.Draft));
        Assert.Equal(["Theme Buster", "Theme Reviewer"], results.SelectMany(r => r.Story!.Bylines).Distinct().Order(StringComparer.Ordinal).ToList());
        // A post goes in its first category (four distinct ones here); its other categories are kept as tags.
        Assert.Equal(4, results.Select(r => r.Section).OfType<string>().Distinct().Count());
        Assert.InRange(results.SelectMany(r => r.Story!.Tags).Distinct().Count(), 64, 200);
        Assert.All(results, r => Assert.Equal("wpthemetestdata.wordpress.com", r.Source));
        Assert.All(results.SelectMany(r => r.Story!.Segments), s => Assert.Equal(SegmentKind.Article, s.Kind));
        Assert.All(results.SelectMany(r => r.Story!.Segments), s => Assert.DoesNotContain("<script", s.Text, StringComparison.OrdinalIgnoreCase));

        var scale = results.Single(r => r.Story!.Headline == "WP 6.1 Font size scale");
        Assert.Equal("163", scale.Identity);
        Assert.Equal(new DateTimeOffset(2023, 1, 16, 7, 8, 31, TimeSpan.Zero), scale.Story!.PublishedAt);
        Assert.StartsWith("This test post was generated using the block theme Emptytheme in WordPress 6.1.1.\n\nSmall H2 Heading\n\nMedium H2 Heading",
            scale.Story.Segments[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Wxr11_MapsAuthorCategoryAndTag()
    {
        var results = Read("wordpress-importer/phpunit/data/valid-wxr-1.1.xml");

        Assert.Equal(2, results.Count(r => r.Ok));
        var hello = results.Single(r => r.Story?.Headline == "Hello world!");
        Assert.Equal(["John Doe"], hello.Story!.Bylines);
        Assert.Equal("alpha", hello.Section);
        Assert.Equal(["Clippable"], hello.Story.Tags);
        Assert.Equal("1", hello.Identity);
        Assert.Equal(new DateTimeOffset(2010, 10, 16, 20, 53, 18, TimeSpan.Zero), hello.Story.PublishedAt);
        Assert.Equal("Welcome to WordPress. This is your first post. Edit or delete it, then start blogging!", hello.Story.Segments[0].Text);
        Assert.Equal(Language.English, hello.Story.Language);
    }

    [Fact]
    public void Read_SmallExport_GivesPostsAndPagesWithDraftsMarked()
    {
        var results = Read("wordpress-importer/phpunit/data/small-export.xml");

        Assert.Equal(11, results.Count);
        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        // One private post and one draft page stay drafts whatever the import publishes.
        Assert.Equal(2, results.Count(r => r.Draft));
        var many = results.Single(r => r.Story!.Headline == "Many Categories");
        // 27 categories: the first is its section, the other 26 are kept as tags, and an editor is told.
        Assert.NotNull(many.Section);
        Assert.DoesNotContain(many.Section, many.Story!.Tags);
        Assert.True(many.Story.Tags.Count >= 26);
        Assert.Contains(many.Warnings, w => w.Contains("27 categories", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EscapedCdata_KeepsTheText()
    {
        var result = Assert.Single(Read("wordpress-importer/phpunit/data/crazy-cdata-escaped.xml"));

        Assert.True(result.Ok, result.Error);
        // The post's HTML holds "<![CDATA[ tags ]]>", which HTML (unlike XML) reads as a comment: the page shows the rest.
        Assert.Equal("Content with nested :)", result.Story.Segments[0].Text);
    }

    [Fact]
    public void Read_ParagraphsAsBlankLines_BecomeParagraphs()
    {
        var result = Assert.Single(Read("wordpress-importer/phpunit/data/post-content-blank-lines.xml"));

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Story.Segments[0].Paragraphs.Count() > 1);
    }

    [Theory]
    [InlineData("wordpress-importer/phpunit/data/malformed.xml", "not well-formed")]
    [InlineData("wordpress-importer/phpunit/data/malformed-simple.xml", "not well-formed")]
    [InlineData("wordpress-importer/phpunit/data/crazy-cdata.xml", "not well-formed")]
    [InlineData("wordpress-importer/phpunit/data/missing-version-tag.xml", "no WXR version number")]
    [InlineData("wordpress-importer/phpunit/data/invalid-version-tag.xml", "is not a WXR version number")]
    public void Read_BrokenExport_SaysWhyInOneError(string file, string said)
    {
        var result = Assert.Single(Read(file));

        Assert.False(result.Ok);
        Assert.Contains(said, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf8Challenges_KeepsTheCharacters()
    {
        var result = Assert.Single(Read("wordpress-importer/phpunit/data/wxr-utf-8-challenges.xml"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("\"The Road \u202ENot\u202C Taken\" by Rob\u202Dert \u202EFrost \u202A🌲\u202C", result.Story.Headline);
        Assert.Contains("𝓣𝓮𝓼𝓽 𝓜𝓾𝓵𝓽𝓲-𝓑𝔂𝓽𝓮: 🚀🌟💫", result.Story.Segments[0].Text, StringComparison.Ordinal);
    }
}
