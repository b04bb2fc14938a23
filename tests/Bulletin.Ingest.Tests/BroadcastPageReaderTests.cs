using System.Text;
using Bulletin.Core.Stories;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class BroadcastPageReaderTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    // --- The real page ---

    [Fact]
    public void Read_RealEnglishPage_GivesHeadlineTimeAndLanguage()
    {
        var story = ReadSample();

        Assert.Equal("Russia even mentions military aid to North Korea...\"North Korea sends 3,000 troops to Ukraine\"", story.Headline);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 9, 8, 0, Kst), story.PublishedAt);
        Assert.Equal(Kst, story.PublishedAt!.Value.Offset);
        Assert.Null(story.UpdatedAt);
        Assert.Equal(Language.English, story.Language);
        Assert.Empty(story.Subheadlines);
    }

    [Fact]
    public void Read_RealEnglishPage_SplitsScriptIntoAnchorReporterSoundbiteReporter()
    {
        var story = ReadSample();

        Assert.Equal(
            [SegmentKind.Anchor, SegmentKind.Reporter, SegmentKind.Soundbite, SegmentKind.Reporter],
            story.Segments.Select(s => s.Kind));
        var soundbite = story.Segments[2];
        Assert.Equal("Dmitry Peskov", soundbite.Speaker);
        Assert.Equal("Russian Kremlin spokesman", soundbite.Title);
        Assert.Null(soundbite.When);
        Assert.Equal("The wording of the North Russia treaty is so clear that no further explanation is required.", soundbite.Text);
        Assert.EndsWith("I'm a YouTube reporter on the report.", story.Segments[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("In the midst of this,", story.Segments[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RealEnglishPage_TakesSignOffAndDropsSiteFurniture()
    {
        var result = BroadcastPageReader.Read(File.ReadAllText(Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt")));

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal("It's YTN YouTube.", story.SignOff);
        Assert.Empty(story.Bylines);
        Assert.Empty(result.Warnings);
        var allText = AllText(story);
        foreach (var furniture in new[] { "It's YTN", "Your report becomes news", "Kakao Talk", "02-398-8585", "social@ytn.co.kr", "Editor's Recomended News", "The Lastest News", "Entertainment", "Game" })
        {
            Assert.DoesNotContain(furniture, allText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_RealEnglishPage_KeepsEverySentenceOfTheBody()
    {
        var path = Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt");
        var lines = File.ReadAllLines(path);
        var story = BroadcastPageReader.Read(File.ReadAllText(path)).Story!;
        var allText = AllText(story);

        var first = Array.FindIndex(lines, l => l.StartsWith("2024.10.16", StringComparison.Ordinal)) + 1;
        var last = Array.FindIndex(lines, l => l.StartsWith("It's YTN", StringComparison.Ordinal));
        var sentences = 0;
        foreach (var raw in lines[first..last])
        {
            var line = raw.Trim();
            if (line is "" or "[Anchor]" or "[Reporter]")
            {
                continue;
            }

            // A soundbite line's speaker part is structure; its quote is story text.
            if (line.StartsWith('['))
            {
                line = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimEnd(']').Trim();
            }

            foreach (var sentence in line.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.Contains(sentence, allText, StringComparison.Ordinal);
                sentences++;
            }
        }

        Assert.True(sentences >= 17, $"only {sentences} sentences were checked");
    }

    // --- Pages written for these tests ---

    [Fact]
    public void Read_KoreanPackage_GivesSubheadlinesOnceAndTheEveningTime()
    {
        var story = TestPages.ReadStory("ko-heavy-snow-package.txt");

        Assert.Equal("내일 아침 수도권 최대 15cm 폭설…\"출근길 대중교통 이용해야\"", story.Headline);
        Assert.Equal(["밤사이 중부지방 대설특보 확대", "기상청 \"내일 오전까지 시간당 3cm 안팎\""], story.Subheadlines);
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 22, 3, 0, Kst), story.PublishedAt);
        Assert.Equal(Language.Korean, story.Language);
    }

    [Fact]
    public void Read_HeadlinePrintedAgainAboveTheSubheadlines_IsNotASubheadline()
    {
        var result = BroadcastPageReader.Read("""
            강원 산간 첫눈…출근길 빙판 주의
            강원 산간 첫눈…출근길 빙판 주의
            대관령 5cm 쌓여
            2025.11.12. 오전 06:41.
            [앵커]
            강원 산간에 올겨울 첫눈이 내렸습니다.
            """);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["대관령 5cm 쌓여"], result.Story.Subheadlines);
    }

    [Fact]
    public void Read_KoreanPackage_ReadsSoundbitesWithSpacedColonAndWhenSaid()
    {
        var story = TestPages.ReadStory("ko-heavy-snow-package.txt");

        Assert.Equal(
            [SegmentKind.Anchor, SegmentKind.Reporter, SegmentKind.Soundbite, SegmentKind.Reporter, SegmentKind.Soundbite, SegmentKind.Reporter],
            story.Segments.Select(s => s.Kind));
        Assert.Equal(
            new ScriptSegment(SegmentKind.Soundbite, "찬 공기가 내려오면서 눈구름이 계속 발달하고 있어서 내일 오전까지는 시간당 3cm 안팎의 강한 눈이 내리는 곳이 있겠습니다.", "박서준", "기상청 예보분석관"),
            story.Segments[2]);
        var second = story.Segments[4];
        Assert.Equal(("이도윤", "서울시 재난안전대책과장", "지난 26일"), (second.Speaker, second.Title, second.When));
        Assert.StartsWith("출근 시간대", second.Text, StringComparison.Ordinal);
        Assert.Equal(3, story.Segments[0].Paragraphs.Count());
        Assert.Equal("오늘 저녁부터 내리기 시작한 눈은 밤이 깊어지면서 점점 굵어지고 있습니다.\n\n기상청은 밤 9시를 기해 서울과 경기 북부에 대설주의보를 내렸습니다.", story.Segments[1].Text);
    }

    [Fact]
    public void Read_KoreanPackage_TakesBylineFromIntroAndSignOff()
    {
        var story = TestPages.ReadStory("ko-heavy-snow-package.txt");

        Assert.Equal(["김하늘"], story.Bylines);
        Assert.Equal("YTN 김하늘[sky@example.com]입니다.", story.SignOff);
        Assert.EndsWith("김하늘 기자가 보도합니다.", story.Segments[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KoreanPackage_DropsTipBoxCopyrightAndListsAndKeepsHashtags()
    {
        var result = TestPages.Read("ko-heavy-snow-package.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Empty(result.Warnings);
        Assert.Equal(["폭설", "출근길", "대설주의보"], result.Story.Tags);
        var allText = AllText(result.Story);
        foreach (var furniture in new[] { "제보", "카카오톡", "02-123-4567", "저작권자", "에디터 추천", "최신 뉴스", "글자크기", "인쇄하기", "YTN 김하늘", "#" })
        {
            Assert.DoesNotContain(furniture, allText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_KoreanTalkShow_GivesProgrammeDisclaimerAndSpeakerTurns()
    {
        var result = TestPages.Read("ko-talk-show-economy.txt");

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal("[뉴스라이브] \"금리 인하 시점, 물가보다 환율이 변수\"", story.Headline);
        Assert.Equal(new DateTimeOffset(2024, 11, 11, 12, 7, 0, Kst), story.PublishedAt);
        Assert.Equal(new Programme("정하나 앵커", ["오민석 경제평론가", "한지우 한빛대 경제학과 교수"]), story.Programme);
        Assert.True(story.TranscriptDisclaimer);
        Assert.Equal(
            [(SegmentKind.Anchor, null), (SegmentKind.Speaker, "오민석"), (SegmentKind.Speaker, "한지우"), (SegmentKind.Anchor, null),
             (SegmentKind.Speaker, "오민석"), (SegmentKind.Speaker, "한지우"), (SegmentKind.Anchor, null)],
            story.Segments.Select(s => (s.Kind, s.Speaker)));
        Assert.Equal(2, story.Segments[4].Paragraphs.Count());
        Assert.Null(story.SignOff);
        Assert.Empty(story.Bylines);
        Assert.Empty(result.Warnings);
        Assert.DoesNotContain("실제 방송", AllText(story), StringComparison.Ordinal);
        Assert.DoesNotContain("댓글", AllText(story), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnglishTalkShow_GivesHostGuestsAndTurns()
    {
        var result = TestPages.Read("en-talk-show-lunar-lander.txt");

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal(Language.English, story.Language);
        Assert.Equal(new DateTimeOffset(2024, 11, 11, 12, 7, 0, Kst), story.PublishedAt);
        Assert.Equal(new Programme("Jung Ha-na", ["Ryu Seo-yeon (aerospace researcher)", "Choi Dong-hyun (science writer)"]), story.Programme);
        Assert.True(story.TranscriptDisclaimer);
        Assert.Equal(
            ["Anchor:", "Speaker:Ryu Seo-yeon", "Anchor:", "Speaker:Ryu Seo-yeon", "Speaker:Choi Dong-hyun", "Anchor:"],
            story.Segments.Select(s => $"{s.Kind}:{s.Speaker}"));
        Assert.Equal("Thank you both for your time.", story.Segments[^1].Text);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_PageWithoutMarkers_IsOneReporterSegment()
    {
        var result = TestPages.Read("en-plain-article.txt");

        Assert.True(result.Ok, result.Error);
        var segment = Assert.Single(result.Story.Segments);
        Assert.Equal(SegmentKind.Reporter, segment.Kind);
        Assert.Equal(3, segment.Paragraphs.Count());
        Assert.EndsWith("had risen by a third over the past year.", segment.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 1, 7, 10, 30, 0, Kst), result.Story.PublishedAt);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_SoundbiteMissingClosingBracket_TakesQuoteToEndOfLineAndWarns()
    {
        var result = TestPages.Read("ko-damaged-soundbite.txt");

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal(
            [SegmentKind.Anchor, SegmentKind.Reporter, SegmentKind.Soundbite, SegmentKind.Soundbite, SegmentKind.Reporter],
            story.Segments.Select(s => s.Kind));
        Assert.Equal(new ScriptSegment(SegmentKind.Soundbite, "아이들이랑 (처음) 왔는데 볼거리가 많아서 좋아요.", "방문객"), story.Segments[2]);
        Assert.Equal(
            new ScriptSegment(SegmentKind.Soundbite, "올해는 [바다 장터]를 새로 열었는데, 예상보다 반응이 훨씬 좋았습니다.", "최민호", "축제 추진위원장"),
            story.Segments[3]);
        Assert.StartsWith("주최 측은", story.Segments[4].Text, StringComparison.Ordinal);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("최민호", warning, StringComparison.Ordinal);
        Assert.Contains("]", warning, StringComparison.Ordinal);
        Assert.Equal(["윤가람"], story.Bylines);
    }

    [Fact]
    public void Read_StrayLines_AreKeptAndReported()
    {
        var result = TestPages.Read("ko-stray-lines.txt");

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal(new ScriptSegment(SegmentKind.Reporter, "사진 제공 : 한솔구청"), story.Segments[0]);
        Assert.Equal(SegmentKind.Anchor, story.Segments[1].Kind);
        Assert.EndsWith("이 기사는 오전 9시에 내용이 보강될 예정입니다.", story.Segments[^1].Text, StringComparison.Ordinal);
        Assert.Equal("YTN 서지훈입니다.", story.SignOff);
        Assert.Equal(["서지훈"], story.Bylines);
        Assert.Equal(3, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Contains("사진 제공", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("이 기사는", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("Dropped 2", StringComparison.Ordinal));
        Assert.DoesNotContain("다른 기사", AllText(story), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnglishSoundbites_SplitTitleFromNameAndKeepWhenSaid()
    {
        var result = TestPages.Read("en-typhoon-soundbites.txt");

        Assert.True(result.Ok, result.Error);
        var story = result.Story;
        Assert.Equal(
            new ScriptSegment(SegmentKind.Soundbite, "The typhoon is keeping its strength longer than we expected because the sea is still warm.",
                "Oh Se-ri", "National weather service forecaster", "Yesterday"),
            story.Segments[2]);
        Assert.Equal(("Lim Tae-oh", "Harbour master, Port of Yeosu"), (story.Segments[4].Speaker, story.Segments[4].Title));
        Assert.Equal(["typhoon", "southern_coast"], story.Tags);
        Assert.Equal("It's YTN Kang Ji-won.", story.SignOff);
        Assert.Equal(["Kang Ji-won"], story.Bylines);
        Assert.Empty(result.Warnings);
        Assert.DoesNotContain("Copyright", AllText(story), StringComparison.Ordinal);
        Assert.DoesNotContain("Kakao", AllText(story), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PostedAndUpdatedLines_GiveBothTimesOnTheTwelveHourClock()
    {
        var story = TestPages.ReadStory("en-typhoon-soundbites.txt");

        Assert.Equal(new DateTimeOffset(2024, 9, 1, 0, 15, 0, Kst), story.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 9, 1, 11, 50, 0, Kst), story.UpdatedAt);
    }

    [Fact]
    public void Read_KoreanInputAndEditLines_GiveBothTimes()
    {
        var story = TestPages.ReadStory("ko-budget-updated.txt");

        Assert.Equal("[2보] 정부, 내년 예산안 국회 제출…\"재정 건전성 유지\"", story.Headline);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 0, 0, 0, Kst), story.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 12, 30, 0, Kst), story.UpdatedAt);
        Assert.Equal("YTN news 문서진입니다", story.SignOff);
        Assert.Equal(["문서진"], story.Bylines);
    }

    [Theory]
    [InlineData("2024.10.16 오전 09:08", 2024, 10, 16, 9, 8)]
    [InlineData("2025.02.28. 오후 10:03.", 2025, 2, 28, 22, 3)]
    [InlineData("2024.11.11. PM 12:07", 2024, 11, 11, 12, 7)]
    [InlineData("2024.11.11. AM 12:07", 2024, 11, 11, 0, 7)]
    [InlineData("2024.03.05 오전 12:00", 2024, 3, 5, 0, 0)]
    [InlineData("2024.03.05 오후 12:59", 2024, 3, 5, 12, 59)]
    [InlineData("2024.03.05. 09:41 PM", 2024, 3, 5, 21, 41)]
    [InlineData("입력 2024.03.05. 오후 01:05", 2024, 3, 5, 13, 5)]
    [InlineData("Posted : 2024-03-05 17:20", 2024, 3, 5, 17, 20)]
    public void Read_TimeLineForms_GiveKoreaTime(string timeLine, int year, int month, int day, int hour, int minute)
    {
        var result = BroadcastPageReader.Read($"Headline\n\n{timeLine}\n[Anchor]\nA sentence of story text.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, Kst), result.Story.PublishedAt);
        Assert.Equal(Kst, result.Story.PublishedAt!.Value.Offset);
    }

    [Fact]
    public void Read_FurnitureWordsInsideSentences_AreKept()
    {
        var result = BroadcastPageReader.Read(
            "Game makers unite\n\n2024.05.01 AM 08:00\n[Reporter]\nPrint\nThe Game industry said AD revenue and Print sales fell.\nEntertainment shares rose.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("The Game industry said AD revenue and Print sales fell.\n\nEntertainment shares rose.", Assert.Single(result.Story.Segments).Text);
    }

    [Fact]
    public void Read_WindowsLineEndingsAndByteOrderMark_ReadLikeAnyPage()
    {
        var text = "\uFEFF전기요금 동결\r\n\r\n2024.10.16 오전 09:08\r\n[앵커]\r\n전기요금이 동결됩니다.\r\n\r\n변하람 기자가 보도합니다.\r\n[기자]\r\n정부가 발표했습니다.\r\nYTN 변하람 (haram@example.com)입니다.\r\n";
        var result = BroadcastPageReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text[1..])]);

        Assert.True(result.Ok, result.Error);
        Assert.Equal("전기요금 동결", result.Story.Headline);
        Assert.Equal("전기요금이 동결됩니다.\n\n변하람 기자가 보도합니다.", result.Story.Segments[0].Text);
        Assert.Equal("YTN 변하람 (haram@example.com)입니다.", result.Story.SignOff);
        Assert.Equal(["변하람"], result.Story.Bylines);
    }

    [Fact]
    public void Read_UnknownProgrammeHeaderLine_IsKeptAndReported()
    {
        var result = BroadcastPageReader.Read("대담 제목\n\n2024.10.16 오후 03:00\n■ 방송 : YTN 뉴스퀘어 2PM\n■ 진행 : 민서아 앵커\n[앵커]\n시작하겠습니다.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("민서아 앵커", result.Story.Programme?.Host);
        Assert.Equal(new ScriptSegment(SegmentKind.Reporter, "■ 방송 : YTN 뉴스퀘어 2PM"), result.Story.Segments[0]);
        Assert.Contains("방송", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MarkerWithTextOnTheSameLine_StartsTheSegmentWithThatText()
    {
        var result = BroadcastPageReader.Read("Headline\n\n2024.10.16 AM 09:08\n[Anchor] Good morning.\n[Reporter] The vote is today.\nIt passed.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(
            [new ScriptSegment(SegmentKind.Anchor, "Good morning."), new ScriptSegment(SegmentKind.Reporter, "The vote is today.\n\nIt passed.")],
            result.Story.Segments);
    }

    [Theory]
    [InlineData("사회부 홍길동 기자가 보도합니다.", "홍길동")]
    [InlineData("홍길동·김영희 기자의 보도입니다.", "홍길동,김영희")]
    [InlineData("워싱턴 홍길동 특파원이 전합니다.", "홍길동")]
    [InlineData("취재 기자들이 현장에 나가 있습니다.", "")]
    [InlineData("Reporter Hong Gil-dong reports.", "Hong Gil-dong")]
    [InlineData("I'm a YouTube reporter on the report.", "")]
    public void Read_AnchorIntro_GivesTheReporterAsByline(string intro, string bylines)
    {
        var result = BroadcastPageReader.Read($"Headline\n\n2024.10.16 AM 09:08\n[Anchor]\nThe lead.\n\n{intro}\n[Reporter]\nThe package.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(bylines, string.Join(',', result.Story.Bylines));
        Assert.EndsWith(intro, result.Story.Segments[0].Text, StringComparison.Ordinal);
    }

    // --- Files that are not pages ---

    public static TheoryData<string, byte[], string> NotPages => new()
    {
        { "empty", [], "empty" },
        { "whitespace", Encoding.UTF8.GetBytes("  \n\t\r\n   \n"), "blank" },
        { "png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0], "PNG" },
        { "binary", [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 9, 8], "binary" },
        { "invalid utf-8", [.. Encoding.UTF8.GetBytes("제목\n\n2024.10.16 오전 09:08\n"), 0xC3, 0x28, 0xFF, (byte)'\n'], "UTF-8" },
        { "euc-kr", [0xC7, 0xD1, 0xB1, 0xDB, (byte)'\n', 0xB4, 0xBA, 0xBD, 0xBA], "UTF-8" },
        { "html", Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>뉴스</title></head><body><p>2024.10.16 오전 09:08</p></body></html>"), "HTML" },
        { "json", Encoding.UTF8.GetBytes("{\"headline\": \"A story\", \"published\": \"2024-10-16T09:08:00+09:00\"}"), "JSON" },
        { "json array", Encoding.UTF8.GetBytes("[{\"headline\": \"A story\"}]"), "JSON" },
        { "xml feed", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title></channel></rss>"), "feed" },
        { "time alone", Encoding.UTF8.GetBytes("2024.10.16 오전 09:08\n\nAD\nPrint\n"), "neither a headline nor any story text" },
        { "xml after a banner", Encoding.UTF8.GetBytes("XXE sample\n<?xml version=\"1.0\"?>\n<!DOCTYPE data SYSTEM \"http://example.com/x.dtd\">\n<data>&send;</data>\n"), "XML markup" },
    };

    [Theory]
    [MemberData(nameof(NotPages))]
    public void Read_FileThatIsNotAPage_FailsWithClearError(string what, byte[] bytes, string errorMentions)
    {
        var result = BroadcastPageReader.Read(bytes);

        Assert.False(result.Ok, what);
        Assert.Null(result.Story);
        Assert.Contains(errorMentions, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_KoreanHeadlineInBrackets_IsNotMistakenForJson()
    {
        var result = BroadcastPageReader.Read("[2보] 속보 제목\n\n2024.10.16 오전 09:08\n[앵커]\n본문입니다.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("[2보] 속보 제목", result.Story.Headline);
    }

    [Fact]
    public void Read_TextWithNulCharacters_FailsAsBinary()
    {
        var result = BroadcastPageReader.Read("Headline\0\0\0\n2024.10.16 오전 09:08\n");

        Assert.False(result.Ok);
        Assert.Contains("binary", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    private static StoryContent ReadSample()
    {
        var result = BroadcastPageReader.Read(File.ReadAllBytes(Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt")));
        Assert.True(result.Ok, result.Error);
        return result.Story;
    }

    private static string AllText(StoryContent story) => string.Join("\n\n", story.Segments.Select(s => s.Text));
}
