using System.Text;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Feeds;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class FeedReaderTests
{
    private static string Suite(string path) => Samples.Require($"feeds/feedparser/tests/{path}");

    [Fact]
    public void Read_EveryWellFormedSuiteFile_ReadsWithoutAnError()
    {
        var files = Directory.EnumerateFiles(Suite("wellformed"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var stories = 0;
        foreach (var file in files)
        {
            var results = StoryFiles.Read(File.ReadAllBytes(file), IngestFormat.Feed);
            var text = File.ReadAllText(file);
            if (text.Contains("<!DOCTYPE", StringComparison.Ordinal) && !text.Contains("not_a_doctype", StringComparison.Ordinal)
                && !Path.GetFileName(file).Contains("not_a_doctype", StringComparison.Ordinal))
            {
                // DTDs are refused whatever they hold (an RSS 0.91 DOCTYPE, an entity): said so, nothing read.
                Assert.Contains("DTD", Assert.Single(results).Error, StringComparison.Ordinal);
                continue;
            }

            failures.AddRange(results.Where(r => !r.Ok).Select(r => $"{Path.GetRelativePath(Suite("wellformed"), file)}: {r.Error}"));
            stories += results.Count;
        }

        Assert.True(files.Count > 1600, $"only {files.Count} files");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Most suite files test one element of a channel or an entry; these are the entries with a title or text.
        Assert.True(stories > 400, $"only {stories} stories");
    }

    /// <summary>
    /// The suite's own expectations of an entry's title, summary or description, where it expects plain text (most
    /// of them the sanitiser tests, which expect what is left of a hostile text: "safe description").
    /// </summary>
    public static TheoryData<string, string, string> SuiteExpectations()
    {
        var data = new TheoryData<string, string, string>();
        if (Samples.Directory is not { } samples)
        {
            return data;
        }

        var root = Path.Combine(samples, "feeds/feedparser/tests/wellformed");
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var expect = File.ReadLines(file).Take(6).FirstOrDefault(l => l.StartsWith("Expect:", StringComparison.Ordinal));
            var match = expect is null ? null : System.Text.RegularExpressions.Regex.Match(expect,
                @"^Expect:\s+not bozo and entries\[0\]\['(title|summary|description)'\] == u?'([^'<&\\]*)'\s*$");
            if (match is { Success: true })
            {
                data.Add(Path.GetRelativePath(root, file), match.Groups[1].Value, match.Groups[2].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SuiteExpectations))]
    public void Read_SuiteEntry_GivesTheTextTheSuiteExpects(string file, string field, string expected)
    {
        var result = Assert.Single(StoryFiles.Read(File.ReadAllBytes(Suite($"wellformed/{file}")), IngestFormat.Feed));

        Assert.True(result.Ok, result.Error);
        if (field == "title")
        {
            Assert.Equal(expected, result.Story.Headline);
        }
        else
        {
            Assert.Contains(expected, result.Story.Segments.Select(s => s.Text).Concat(result.Story.Subheadlines));
        }
    }

    [Theory]
    [InlineData("aaa_illformed.xml")]
    [InlineData("rss_empty_document.xml")]
    [InlineData("rss_incomplete_cdata.xml")]
    [InlineData("rss_item_link_corrupted_ampersands.xml")]
    [InlineData("undeclared_namespace.xml")]
    [InlineData("chardet/euckr.xml")]
    [InlineData("chardet/big5.xml")]
    [InlineData("chardet/shiftjis.xml")]
    public void Read_IllFormedSuiteFile_SaysWhyInOneError(string file)
    {
        var result = Assert.Single(StoryFiles.Read(File.ReadAllBytes(Suite($"illformed/{file}")), IngestFormat.Feed));

        Assert.False(result.Ok);
        Assert.Matches("not well-formed XML|empty|encoding", result.Error);
    }

    [Theory]
    [InlineData("encoding/euc-kr-item.xml", "년")]
    [InlineData("encoding/euc-kr-attribute.xml", null)]
    [InlineData("encoding/utf-16le-bom.xml", null)]
    [InlineData("encoding/utf-32be-bom.xml", null)]
    [InlineData("encoding/big5.xml", null)]
    public void Read_DeclaredOrMarkedEncoding_ReadsTheText(string file, string? text)
    {
        var results = StoryFiles.Read(File.ReadAllBytes(Suite(file)));

        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        if (text is not null)
        {
            Assert.Equal(text, Assert.Single(results).Story!.Headline);
        }
    }

    [Fact]
    public void Read_KoreanRssInEucKr_GivesEveryField()
    {
        const string xml = """
            <?xml version="1.0" encoding="euc-kr"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>지역 뉴스</title><link>https://news.example.kr/</link><language>ko</language>
            <item>
              <title>폭설로 출근길 정체 &amp; 결항</title>
              <link>https://news.example.kr/a/1</link>
              <guid isPermaLink="false">news-2024-0001</guid>
              <pubDate>Wed, 16 Oct 2024 09:08:00 +0900</pubDate>
              <dc:creator>김하늘</dc:creator>
              <category>사회</category>
              <description>밤사이 내린 눈으로 출근길이 막혔습니다.</description>
              <content:encoded><![CDATA[<p>밤사이 내린 눈으로 출근길이 막혔습니다.</p><script>alert(1)</script><p>항공편 12편이 결항됐습니다.</p>]]></content:encoded>
            </item>
            </channel></rss>
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var result = Assert.Single(StoryFiles.Read(Encoding.GetEncoding("euc-kr").GetBytes(xml)));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("폭설로 출근길 정체 & 결항", result.Story.Headline);
        Assert.Equal(Language.Korean, result.Story.Language);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 9, 8, 0, TimeSpan.FromHours(9)), result.Story.PublishedAt);
        Assert.Equal(["김하늘"], result.Story.Bylines);
        Assert.Equal(["사회"], result.Story.Tags);
        Assert.Equal("news-2024-0001", result.Identity);
        Assert.Equal("news.example.kr", result.Source);
        var segment = Assert.Single(result.Story.Segments);
        Assert.Equal(SegmentKind.Article, segment.Kind);
        Assert.Equal("밤사이 내린 눈으로 출근길이 막혔습니다.\n\n항공편 12편이 결항됐습니다.", segment.Text);
    }

    [Fact]
    public void Read_AtomEntry_GivesTitleXhtmlContentTimesAndId()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Port news</title><link href="https://ports.example.com/"/>
              <entry>
                <title type="html">Typhoon &lt;em&gt;closes&lt;/em&gt; two ports</title>
                <id>tag:ports.example.com,2024:17</id>
                <published>2024-10-16T00:08:00Z</published>
                <updated>2024-10-16T02:30:00Z</updated>
                <author><name>Daniel Cho</name></author>
                <category term="weather" label="Weather"/>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Cranes stand idle.</p><p>Ships wait offshore.</p></div></content>
              </entry>
            </feed>
            """;

        var result = Assert.Single(FeedReader.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("Typhoon closes two ports", result.Story.Headline);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 0, 8, 0, TimeSpan.Zero), result.Story.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 2, 30, 0, TimeSpan.Zero), result.Story.UpdatedAt);
        Assert.Equal("tag:ports.example.com,2024:17", result.Identity);
        Assert.Equal("2024-10-16T02:30:00.0000000+00:00", result.Version);
        Assert.Equal(["Daniel Cho"], result.Story.Bylines);
        Assert.Equal(["Weather"], result.Story.Tags);
        Assert.Equal("Cranes stand idle.\n\nShips wait offshore.", result.Story.Segments[0].Text);
    }

    [Fact]
    public void Read_SuiteJsonFeed_GivesBothItemsWithoutTheScript()
    {
        var results = StoryFiles.Read(File.ReadAllBytes(Suite("json/example.json")));

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        Assert.Equal("post 2", results[0].Story!.Headline);
        Assert.Equal("2", results[0].Identity);
        Assert.Equal(["test", "JSON"], results[0].Story!.Tags);
        Assert.Equal(["me"], results[0].Story!.Bylines);
        // The second item has no title: its first sentence stands in, with a warning; its script is gone.
        Assert.Equal("Hello, world!", results[1].Story!.Headline);
        Assert.Equal(["you"], results[1].Story!.Bylines);
        Assert.Equal("Hello, world!", results[1].Story!.Segments[0].Text);
        Assert.NotEmpty(results[1].Warnings);
    }

    [Fact]
    public void Read_SuiteRssItems_GiveTitleAndContent()
    {
        var title = Assert.Single(StoryFiles.Read(File.ReadAllBytes(Suite("wellformed/rss/item_title.xml"))));
        var content = Assert.Single(StoryFiles.Read(File.ReadAllBytes(Suite("wellformed/rss/item_content_encoded.xml"))));

        Assert.Equal("Item 1 title", title.Story!.Headline);
        Assert.Equal("Example content", content.Story!.Segments[0].Text);
    }
}
