using System.Globalization;
using System.Text;
using Bulletin.Core.Stories;
using Bulletin.Ingest.NewsMlG2;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class NewsMlG2ReaderTests
{
    /// <summary>The text news items among the IPTC's guideline listings: file, headline, first published, guid.</summary>
    public static TheoryData<string, string, string, string> TextListings => new()
    {
        { "examples/LISTING_1_A_NewsML-G2_News_Item.xml", "Fed to halt QE to avert \"bubble\"", "2016-10-18T13:12:21-05:00", "urn:newsml:acmenews.com:20161018:US-FINANCE-FED" },
        { "examples/LISTING_2_NewsML-G2_Text_Document.xml", "Fed to halt QE to avert \"bubble\"", "2016-11-21T15:21:06-05:00", "urn:newsml:acmenews.com:20161121:US-FINANCE-FED" },
        { "examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml", "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.", "2016-10-19T11:15:00-05:00", "tag:xmlteam.com,2016:xt.5932656-preview" },
        { "examples/LISTING_27_Company_Financial_Information.xml", "Acme Widgets announces annual results", "2016-10-19T13:15:00Z", "urn:newsml:acmenews.com:20161019:201003230594296001" },
        { "examples/Receiver View.xml", "Fed to halt QE to avert \"bubble\"", "2016-11-21T15:21:06-05:00", "urn:newsml:NAG.com:20161121:US-FINANCE-FED" },
    };

    [Theory]
    [MemberData(nameof(TextListings))]
    public void Read_TextListing_GivesHeadlineTimeGuidAndVersion(string file, string headline, string publishedAt, string identity)
    {
        var result = Assert.Single(NewsMlG2Reader.Read(File.ReadAllBytes(Samples.Require($"newsml-g2/{file}"))));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(headline, result.Story.Headline);
        Assert.Equal(DateTimeOffset.Parse(publishedAt, CultureInfo.InvariantCulture), result.Story.PublishedAt);
        Assert.Equal(identity, result.Identity);
        Assert.Equal("11", result.Version);
        Assert.False(result.Killed);
        Assert.Equal(Language.English, result.Story.Language);
    }

    [Fact]
    public void Read_NitfBody_GivesParagraphsAndCreatorAsByline()
    {
        var result = Assert.Single(NewsMlG2Reader.Read(File.ReadAllBytes(Samples.Require("newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml"))));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Meredith Jameson"], result.Story.Bylines);
        var segment = Assert.Single(result.Story.Segments);
        Assert.Equal(SegmentKind.Article, segment.Kind);
        Assert.Equal(2, segment.Paragraphs.Count());
        Assert.StartsWith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet", segment.Text, StringComparison.Ordinal);
        Assert.Equal(["economy, business and finance", "central bank", "money and monetary policy"], result.Story.Tags);
        Assert.Equal(new DateTimeOffset(2018, 11, 21, 16, 25, 32, TimeSpan.FromHours(-5)), result.Story.UpdatedAt);
        Assert.Equal("acmenews.com", result.Source);
    }

    [Fact]
    public void Read_XhtmlBody_GivesParagraphs()
    {
        var result = Assert.Single(NewsMlG2Reader.Read(File.ReadAllBytes(Samples.Require("newsml-g2/examples/LISTING_27_Company_Financial_Information.xml"))));

        Assert.True(result.Ok, result.Error);
        var text = Assert.Single(result.Story.Segments).Text;
        Assert.NotEmpty(text);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsMessageWithoutNamespace_GivesEachNewsItem()
    {
        var results = NewsMlG2Reader.Read(File.ReadAllBytes(Samples.Require("newsml-g2/agency-samples-from-ninjs-repo/TT_newsmlg2_sample.xml")));

        // The message carries a package, the article and its picture: the package is no story, the picture has no words.
        var article = Assert.Single(results, r => r.Ok);
        Assert.Equal("Jan Guillou skriver på ny \"Hamilton\"-bok", article.Story!.Headline);
        Assert.Equal("http://tt.se/media/text/210919-janguillou-879f202b", article.Identity);
        Assert.Equal("1", article.Version);
        Assert.Equal(new DateTimeOffset(2021, 9, 19, 20, 57, 43, TimeSpan.FromHours(2)), article.Story.PublishedAt);
        Assert.Contains("Jan Guillou", article.Story.Segments[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, results.Count);
        Assert.Contains("http://tt.se/media/image/sdlm1btzmKu8WU", results.Single(r => !r.Ok).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CanceledItem_IsAKillOfTheSameGuid()
    {
        var xml = File.ReadAllText(Samples.Require("newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml"))
            .Replace("stat:usable", "stat:canceled", StringComparison.Ordinal)
            .Replace("version=\"11\"", "version=\"12\"", StringComparison.Ordinal);

        var result = Assert.Single(NewsMlG2Reader.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Killed);
        Assert.Equal("12", result.Version);
        Assert.Equal("urn:newsml:acmenews.com:20161018:US-FINANCE-FED", result.Identity);
    }

    [Theory]
    [InlineData("examples/LISTING_6_Simple_NewsML-G2_Package.xml", "packageItem")]
    [InlineData("examples/LISTING_14_Event_sent_as_a_Concept_Item.xml", "conceptItem")]
    [InlineData("examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml", "<contentSet>")]
    [InlineData("agency-samples-from-ninjs-repo/afp.com_newsml1.2_sample.xml", "not a NewsML-G2")]
    public void Read_SomethingOtherThanANewsItem_SaysWhatItIs(string file, string said)
    {
        var result = Assert.Single(NewsMlG2Reader.Read(File.ReadAllBytes(Samples.Require($"newsml-g2/{file}"))));

        Assert.False(result.Ok);
        Assert.Contains(said, result.Error, StringComparison.Ordinal);
    }
}
