using System.Text;
using Bulletin.Core.Stories;
using Bulletin.Ingest.BroadcastPages;

namespace Bulletin.Ingest.Tests;

/// <summary>Pages written for these tests in the shapes the archive holds: damaged, handed over, signed off, after midnight.</summary>
public sealed class BroadcastPageSturdinessTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    [Fact]
    public void Read_EnglishPackageNamingTheReporterInHandOverAndSignOff_GivesTheByline()
    {
        var result = TestPages.Read("en-package-handover-signoff.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["Daniel Cho"], result.Story.Bylines);
        Assert.Equal("This is Daniel Cho for YTN in Busan.", result.Story.SignOff);
        Assert.Equal(new DateTimeOffset(2024, 8, 21, 12, 30, 0, Kst), result.Story.PublishedAt);
        Assert.Equal(Language.English, result.Story.Language);
        Assert.Equal([SegmentKind.Anchor, SegmentKind.Reporter, SegmentKind.Soundbite, SegmentKind.Reporter], result.Story.Segments.Select(s => s.Kind));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_DamagedKoreanPageWithNoReadableTime_IsADraftWithAWarningAndKeepsEverySentence()
    {
        var result = TestPages.Read("ko-damaged-no-time.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Story.PublishedAt);
        Assert.Contains(result.Warnings, w => w.StartsWith("No readable time", StringComparison.Ordinal));
        Assert.Equal("[단독] 시내버스 노선 개편안 이달 말 확정", result.Story.Headline);
        Assert.Equal(["김하늘"], result.Story.Bylines);
        Assert.Equal("YTN 김하늘입니다.", result.Story.SignOff);
        var text = string.Join("\n", result.Story.Segments.Select(s => s.Text));
        foreach (var sentence in new[] { "2024.1O.16 오전 ??:??", "서울시가 시내버스 노선 개편안을 이달 말 확정합니다.", "서울시는 지난 두 달 동안 시민 의견을 모았습니다.",
                     "출퇴근 시간 배차를 늘리는 데 중점을 뒀습니다.", "개편안은 다음 달부터 단계적으로 시행됩니다." })
        {
            Assert.Contains(sentence, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_KoreanLiveHandOverJustAfterMidnight_GivesTimeBylineAndSignOff()
    {
        var result = TestPages.Read("ko-live-handover-midnight.txt");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new DateTimeOffset(2024, 12, 28, 0, 15, 0, Kst), result.Story.PublishedAt);
        Assert.Equal(["박도윤"], result.Story.Bylines);
        Assert.Equal("지금까지 YTN 박도윤 기자였습니다.", result.Story.SignOff);
        Assert.Equal(Language.Korean, result.Story.Language);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("2024.10.16 오전 00:15", 0, 15)]
    [InlineData("2024.10.16 오전 12:05", 0, 5)]
    [InlineData("2024.10.16 오후 12:30", 12, 30)]
    [InlineData("2024.10.16 오후 00:30", 12, 30)]
    [InlineData("2024.10.16. 오후 13:30", 13, 30)]
    [InlineData("2024.10.16. AM 12:07", 0, 7)]
    [InlineData("2024.10.16. PM 12:07", 12, 7)]
    [InlineData("2024.10.16 오전 11:59", 11, 59)]
    public void Read_TwelveHourTimeAroundMidnightAndNoon_GivesTheRightHour(string timeLine, int hour, int minute)
    {
        var result = BroadcastPageReader.Read($"헤드라인\n\n{timeLine}\n[앵커]\n본문입니다.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, hour, minute, 0, Kst), result.Story.PublishedAt);
        Assert.DoesNotContain(result.Warnings, w => w.StartsWith("No readable time", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024.10.16 오전 13:15")]
    [InlineData("2024.10.16 오후 24:10")]
    public void Read_ImpossibleTwelveHourTime_IsNoTime(string timeLine)
    {
        var result = BroadcastPageReader.Read($"헤드라인\n\n{timeLine}\n[앵커]\n본문입니다.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Story.PublishedAt);
    }

    [Theory]
    [InlineData("We go to Daniel Cho in Busan.", "Daniel Cho")]
    [InlineData("Here's Mina Park.", "Mina Park")]
    [InlineData("Our correspondent Grace Lim has more from Tokyo.", "Grace Lim")]
    [InlineData("Daniel Cho reports from the scene.", "Daniel Cho")]
    [InlineData("Joining us now is Tom Baek.", "Tom Baek")]
    [InlineData("현장에 나가 있는 박도윤 기자를 연결합니다.", "박도윤")]
    [InlineData("김하늘 기자가 현장을 다녀왔습니다.", "김하늘")]
    [InlineData("부산 연결합니다. 정민아 기자, 전해주시죠.", "정민아")]
    [InlineData("정민아 기자, 전해주시죠.", "정민아")]
    [InlineData("We go to the scene.", "")]
    [InlineData("Here's what we know.", "")]
    public void Read_AnchorHandOver_GivesTheReporter(string handOver, string byline)
    {
        var result = BroadcastPageReader.Read($"Headline\n\n2024.10.16 AM 09:08\n[Anchor]\nThe lead.\n\n{handOver}\n[Reporter]\nThe package.\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(byline, string.Join(',', result.Story.Bylines));
    }

    [Theory]
    [InlineData("This is Daniel Cho for YTN.", "Daniel Cho")]
    [InlineData("Daniel Cho, YTN News.", "Daniel Cho")]
    [InlineData("I'm Mina Park, YTN News, Seoul.", "Mina Park")]
    [InlineData("It's YTN's Grace Lim.", "Grace Lim")]
    [InlineData("It's YTN YouTube.", "")]
    [InlineData("YTN 홍길동 기자였습니다.", "홍길동")]
    [InlineData("지금까지 YTN 홍길동이었습니다.", "홍길동")]
    [InlineData("YTN 홍길동입니다.", "홍길동")]
    public void Read_SignOff_GivesTheReporterAndIsNotStoryText(string signOff, string byline)
    {
        var result = BroadcastPageReader.Read($"Headline\n\n2024.10.16 AM 09:08\n[Anchor]\nThe lead.\n[Reporter]\nThe package.\n\n{signOff}\n");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(signOff, result.Story.SignOff);
        Assert.Equal(byline, string.Join(',', result.Story.Bylines));
        Assert.DoesNotContain(signOff, result.Story.Segments[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PageStartingWithItsTime_TakesTheHeadlineFromTheFirstSentence()
    {
        var result = BroadcastPageReader.Read(Encoding.UTF8.GetBytes("2024.10.16 오전 09:08\n[Anchor]\nPorts close as the typhoon nears. Ships wait offshore.\n"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("Ports close as the typhoon nears.", result.Story.Headline);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 9, 8, 0, Kst), result.Story.PublishedAt);
        Assert.Contains(result.Warnings, w => w.Contains("not a headline", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PageWithHeadlineAndTimeButNoText_IsKeptWithAWarning()
    {
        var result = BroadcastPageReader.Read(Encoding.UTF8.GetBytes("A headline\n\n2024.10.16 오전 09:08\n\nAD\nPrint\n"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("A headline", result.Story.Headline);
        Assert.Empty(result.Story.Segments);
        Assert.Contains(result.Warnings, w => w.Contains("no story text", StringComparison.Ordinal));
    }
}
