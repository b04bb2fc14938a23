using System.Text;
using System.Text.Json.Nodes;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Ninjs;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class NinjsReaderTests
{
    public static TheoryData<string, string, string?, string?> AgencyExamples => new()
    {
        { "2.1/SIPA_image_2.json", "Italy: Italy Demonstration of the workers congresses and conferences", "2020-10-27T15:35:19Z", "1" },
        { "2.1/ap_audio.json", "Next up in impeachment hearings: A parade of key witnesses", "2019-11-14T16:17:53Z", "0" },
        { "2.1/ap_image.json", "Turkey Islamic State", "2019-11-15T13:39:59Z", "0" },
        { "2.1/ap_video.json", "House leaders double down on impeachment positions", "2019-11-14T18:50:56Z", "0" },
        { "2.1/businesswire-newsml-20130605006126.json", "Cambrios被Gartner評選為「最酷供應商」", "2013-06-05T21:00:00Z", "1" },
        { "2.1/businesswire-newsml-20130731006140.json", "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", "2013-07-31T15:32:00Z", "1" },
        { "2.1/dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", "2019-05-10T16:02:28+02:00", "2" },
        { "2.1/imageEncodedRights.json", "MotoGP - Spain - Valentino Rossi", "2013-07-08T08:12:00Z", "2013-07-08T08:12:00Z" },
        { "2.1/imageLinkedRights.json", "MotoGP - Spain - Valentino Rossi", "2013-07-08T08:12:00Z", "2013-07-08T08:12:00Z" },
        { "2.1/ninjsExSimpleText_2.json", "Captain of wrecked cruise ship on trial in Italy", "2013-07-09T10:37:00Z", "2013-07-09T10:37:00Z" },
        { "2.1/ntb_text.json", "Google har kjøpt giganttomt i Skien", "2019-08-09T09:30:04Z", "6" },
        { "2.1/tt_text_image_2.json", "Militärövning i jätteformat hålls 2023", "2021-05-26T13:40:18+02:00", "1" },
        { "3.0/20231004-UEFA-ChampionLeague.json", "Champions League 2023/2024 - Group E - Atlético de Madrid-Feyenoord", null, null },
        { "3.0/20231005-65-addb-event.json", "4th International Congress \\\"Sport, Doping & Society\\\"", "2023-10-05T08:45:55+02:00", "2" },
        { "3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json", "Anti-doping measures at the 'Tour Down Under' will be the toughest ever", "2023-10-08T02:34:03+02:00", "2" },
        { "3.0/20231016-addb-example-press-conference.json", "World Anti", null, null },
        { "3.0/SIPA_image_3.json", "Italy: Italy Demonstration of the workers congresses and conferences", "2020-10-27T15:35:19Z", "1" },
        { "3.0/ap_audio.json", "Next up in impeachment hearings: A parade of key witnesses", "2019-11-14T16:17:53Z", "0" },
        { "3.0/ap_image.json", "Turkey Islamic State", "2019-11-15T13:39:59Z", "0" },
        { "3.0/ap_video.json", "House leaders double down on impeachment positions", "2019-11-14T18:50:56Z", "0" },
        { "3.0/businesswire-newsml-20130605006126.json", "Cambrios被Gartner評選為「最酷供應商」", "2013-06-05T21:00:00Z", "1" },
        { "3.0/businesswire-newsml-20130731006140.json", "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In", "2013-07-31T15:32:00Z", "1" },
        { "3.0/dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", "2019-05-10T16:02:28+02:00", "2" },
        { "3.0/imageEncodedRights.json", "MotoGP - Spain - Valentino Rossi", "2013-07-08T08:12:00Z", "2013-07-08T08:12:00Z" },
        { "3.0/imageLinkedRights.json", "MotoGP - Spain - Valentino Rossi", "2013-07-08T08:12:00Z", "2013-07-08T08:12:00Z" },
        { "3.0/ninjsExSimpleText_3.json", "Captain of wrecked cruise ship on trial in Italy", "2013-07-09T10:37:00Z", "2013-07-09T10:37:00Z" },
        { "3.0/ntb_text.json", "Google har kjøpt giganttomt i Skien", "2019-08-09T09:30:04Z", "6" },
        { "3.0/simpleEvent.json", "Tackling Doping in Sport Conference", "2023-10-04T08:16:21+02:00", "2" },
        { "3.0/tt_event_pressconference_3.0.json", "Pk med finansminister Elisabeth Svantesson kl 16", "2023-10-05T14:10:33+02:00", "3" },
        { "3.0/tt_text_image_3.json", "Militärövning i jätteformat hålls 2023", "2021-05-26T13:40:18+02:00", "1" },
    };

    [Theory]
    [MemberData(nameof(AgencyExamples))]
    public void Read_AgencyExample_GivesHeadlineTimeIdentityAndVersion(string file, string headline, string? publishedAt, string? version)
    {
        var path = Samples.Require($"ninjs/examples/{file}");

        var result = NinjsReader.Read(File.ReadAllBytes(path));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(headline, result.Story.Headline);
        Assert.Equal(publishedAt is null ? null : DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture), result.Story.PublishedAt);
        Assert.Equal(version, result.Version);
        Assert.Equal(JsonNode.Parse(File.ReadAllText(path))!["uri"]!.GetValue<string>(), result.Identity);
        Assert.False(result.Killed);
    }

    [Fact]
    public void Read_TextWithHtmlBody_GivesArticleParagraphsBylineAndTags()
    {
        var result = NinjsReader.Read(File.ReadAllBytes(Samples.Require("ninjs/examples/2.1/dpa_text.json")));

        Assert.True(result.Ok, result.Error);
        var segment = Assert.Single(result.Story.Segments);
        Assert.Equal(SegmentKind.Article, segment.Kind);
        Assert.StartsWith("Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».", segment.Text, StringComparison.Ordinal);
        Assert.True(segment.Paragraphs.Count() > 3);
        Assert.DoesNotContain("<", segment.Text, StringComparison.Ordinal);
        Assert.Equal(["Von Christian Hollmann, dpa"], result.Story.Bylines);
        Assert.Equal("dpa.com", result.Source);
        // German is neither edition's language: kept in English with a warning an editor sees.
        Assert.Equal(Language.English, result.Story.Language);
        Assert.Contains(result.Warnings, w => w.Contains("'de'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NitfBody_GivesItsParagraphs()
    {
        var result = NinjsReader.Read(File.ReadAllBytes(Samples.Require(
            "ninjs/examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json")));

        Assert.True(result.Ok, result.Error);
        var text = Assert.Single(result.Story.Segments).Text;
        Assert.Contains("Australian Sports Anti-Doping Authority", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.Equal(["Sport", "drug abuse in sport"], result.Story.Tags.Take(2));
    }

    [Fact]
    public void Read_Version1Document_ReadsHeadlineBodyAndByline()
    {
        var result = NinjsReader.Read(File.ReadAllBytes(Samples.Require("ninjs/documentation/includes/examples/1.6/004_simple_text_article.json")));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("Captain of wrecked cruise ship on trial in Italy", result.Story.Headline);
        Assert.Equal(["Paulo Santalucia and Frances d'Emilio"], result.Story.Bylines);
        Assert.StartsWith("GROSSETO, Italy (AP)", result.Story.Segments[0].Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2013, 7, 9, 10, 37, 0, TimeSpan.Zero), result.Story.PublishedAt);
    }

    [Fact]
    public void Read_CanceledItem_IsAKill()
    {
        var json = JsonNode.Parse(File.ReadAllText(Samples.Require("ninjs/examples/3.0/ntb_text.json")))!;
        json["pubStatus"] = "canceled";
        json["version"] = "7";

        var result = NinjsReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Killed);
        Assert.Equal("7", result.Version);
        Assert.Equal("Google har kjøpt giganttomt i Skien", result.Story.Headline);
    }

    [Theory]
    [InlineData("{\"headlines\":[{\"value\":\"x\"}]}", "no \"uri\"")]
    [InlineData("[1, 2]", "one JSON object")]
    [InlineData("{\"uri\": ", "not valid JSON")]
    public void Read_NotANinjsItem_SaysWhy(string json, string reason)
    {
        var result = NinjsReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.False(result.Ok);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeeplyNestedJson_IsRefused()
    {
        var result = NinjsReader.Read(File.ReadAllBytes(Samples.Require("security/json/deep_nesting_100k.json")));

        Assert.False(result.Ok);
    }
}
