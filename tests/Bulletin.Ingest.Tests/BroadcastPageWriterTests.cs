using Bulletin.Core.Stories;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class BroadcastPageWriterTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static TheoryData<string, StoryContent> Stories => new()
    {
        {
            "korean package with intro, soundbites and when-said",
            new StoryContent
            {
                Headline = "지하철 요금 150원 인상…\"하반기 적용\"",
                Subheadlines = ["기본요금 1,550원으로", "청소년·어린이 요금은 동결"],
                Language = Language.Korean,
                Bylines = ["채유진"],
                Tags = ["지하철", "요금인상"],
                PublishedAt = new DateTimeOffset(2025, 3, 2, 21, 40, 0, Kst),
                Segments =
                [
                    new(SegmentKind.Anchor, "지하철 기본요금이 하반기부터 150원 오릅니다.\n\n채유진 기자가 보도합니다."),
                    new(SegmentKind.Reporter, "시는 적자 폭이 커져 인상이 불가피하다고 설명했습니다."),
                    new(SegmentKind.Soundbite, "운영 적자가 해마다 늘고 있어서 더는 미룰 수 없었습니다.", "노지석", "교통정책과장", "지난 28일"),
                    new(SegmentKind.Reporter, "시민단체는 서민 부담이 커진다며 반발했습니다."),
                    new(SegmentKind.Soundbite, "출퇴근하는 사람 입장에서는 [매달] 부담이 꽤 커요.", "시민"),
                    new(SegmentKind.Reporter, "인상안은 다음 달 물가대책위원회 심의를 거쳐 확정됩니다."),
                ],
                SignOff = "YTN 채유진입니다.",
            }
        },
        {
            "english package with titled and untitled soundbites",
            new StoryContent
            {
                Headline = "Ferry service resumes after storm",
                Language = Language.English,
                PublishedAt = new DateTimeOffset(2024, 7, 1, 0, 5, 0, Kst),
                UpdatedAt = new DateTimeOffset(2024, 7, 1, 12, 45, 0, Kst),
                Segments =
                [
                    new(SegmentKind.Anchor, "Ferries to the islands are running again.\n\nI'm a YouTube reporter on the report."),
                    new(SegmentKind.Reporter, "The first boat left at dawn."),
                    new(SegmentKind.Soundbite, "We waited three days for this boat.", "Han Bo-ra", "Island resident", "Yesterday"),
                    new(SegmentKind.Soundbite, "Everything is back on schedule (for now).", "Yoo Jae-min"),
                    new(SegmentKind.Reporter, "More storms are forecast next week."),
                ],
                SignOff = "It's YTN YouTube.",
                Tags = ["ferry"],
            }
        },
        {
            "korean talk show with programme, disclaimer and speaker turns",
            new StoryContent
            {
                Headline = "[뉴스특보] \"장마 끝나면 폭염 온다\"",
                Language = Language.Korean,
                PublishedAt = new DateTimeOffset(2024, 7, 20, 12, 0, 0, Kst),
                Programme = new Programme("강민아 앵커", ["반태준 기상전문기자", "유세라 기후학자"]),
                TranscriptDisclaimer = true,
                Segments =
                [
                    new(SegmentKind.Anchor, "장마 이후 날씨 전망 들어보겠습니다."),
                    new(SegmentKind.Speaker, "다음 주부터 본격적인 더위가 시작됩니다.", "반태준"),
                    new(SegmentKind.Speaker, "올해는 열대야도 길어질 것으로 보입니다.\n\n건강 관리에 신경 쓰셔야 합니다.", "유세라", "기후학자"),
                    new(SegmentKind.Anchor, "고맙습니다."),
                ],
            }
        },
        {
            "english talk show with soundbite inside a turn",
            new StoryContent
            {
                Headline = "What the chip deal means for exporters",
                Language = Language.English,
                PublishedAt = new DateTimeOffset(2024, 4, 2, 0, 30, 0, Kst),
                Programme = new Programme("Seo Min-ho", ["Park Eun-ji", "Lee Sang-woo"]),
                TranscriptDisclaimer = true,
                Segments =
                [
                    new(SegmentKind.Anchor, "Let's start with the deal itself."),
                    new(SegmentKind.Speaker, "It lowers tariffs on memory chips.", "Park Eun-ji"),
                    new(SegmentKind.Soundbite, "This is a good day for our industry.", "Jeon Ha-yoon", "Trade minister", "last 9th"),
                    new(SegmentKind.Speaker, "That was the minister's view, but exporters are more careful.", "Park Eun-ji"),
                    new(SegmentKind.Speaker, "I agree.", "Lee Sang-woo"),
                ],
            }
        },
        {
            "plain article",
            new StoryContent
            {
                Headline = "Library hours extended",
                Language = Language.English,
                PublishedAt = new DateTimeOffset(2024, 1, 15, 9, 0, 0, Kst),
                Segments = [new(SegmentKind.Reporter, "The city library will stay open until 10 p.m.\n\nThe change starts next month.")],
            }
        },
        {
            "bylines the text does not give",
            new StoryContent
            {
                Headline = "국회, 추경안 처리",
                Language = Language.Korean,
                Bylines = ["홍다은", "남궁현"],
                UpdatedAt = new DateTimeOffset(2024, 6, 30, 23, 59, 0, Kst),
                Segments = [new(SegmentKind.Anchor, "국회가 추경안을 처리했습니다."), new(SegmentKind.Reporter, "여야는 본회의에서 합의했습니다.")],
            }
        },
        {
            "intro byline removed by an editor",
            new StoryContent
            {
                Headline = "항공편 지연 잇따라",
                Language = Language.Korean,
                PublishedAt = new DateTimeOffset(2024, 2, 10, 6, 0, 0, Kst),
                Segments = [new(SegmentKind.Anchor, "짙은 안개로 항공편 지연이 잇따랐습니다.\n\n함지수 기자가 보도합니다."), new(SegmentKind.Reporter, "오전 한때 결항도 있었습니다.")],
            }
        },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Write_StoryWithPhotosBetweenSegments_WritesTheSamePageAsItsText(string shape, StoryContent story)
    {
        var withPhotos = story with
        {
            LeadMediaId = Guid.CreateVersion7(),
            Segments = [new ScriptSegment(SegmentKind.Photo, "사진 설명", MediaId: Guid.CreateVersion7()), .. story.Segments,
                new ScriptSegment(SegmentKind.Photo, "", MediaId: Guid.CreateVersion7())],
        };

        Assert.True(BroadcastPageWriter.Write(story) == BroadcastPageWriter.Write(withPhotos), shape);
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Write_ThenRead_GivesTheSameStory(string shape, StoryContent story)
    {
        var page = BroadcastPageWriter.Write(story);
        var result = BroadcastPageReader.Read(page);

        Assert.True(result.Ok, $"{shape}: {result.Error}");
        Assert.Empty(result.Warnings);
        Assert.Equal(story, result.Story);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Write_PageReadFromFile_ReadsBackTheSame(string name)
    {
        var story = TestPages.ReadStory(name);

        var again = BroadcastPageReader.Read(BroadcastPageWriter.Write(story));

        Assert.True(again.Ok, again.Error);
        Assert.Empty(again.Warnings);
        Assert.Equal(story, again.Story);
    }

    // A page carries its time; a damaged one read without it has nothing to write back (the writer refuses, as tested above).
    public static TheoryData<string> PageNames => [.. TestPages.Names.Where(n => TestPages.ReadStory(n) is { PublishedAt: not null } or { UpdatedAt: not null })];

    [Fact]
    public void Write_RealPage_ReadsBackTheSame()
    {
        var story = BroadcastPageReader.Read(File.ReadAllBytes(Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt"))).Story!;

        Assert.Equal(story, BroadcastPageReader.Read(BroadcastPageWriter.Write(story)).Story);
    }

    [Fact]
    public void Write_KoreanSoundbite_UsesTheChannelsSpacedColonAndNoMarkerAfterIt()
    {
        var story = new StoryContent
        {
            Headline = "제목",
            Language = Language.Korean,
            PublishedAt = new DateTimeOffset(2024, 10, 16, 0, 8, 0, Kst),
            Segments =
            [
                new(SegmentKind.Reporter, "첫 문장입니다."),
                new(SegmentKind.Soundbite, "인용입니다.", "홍길동", "교수", "지난 9일"),
                new(SegmentKind.Reporter, "이어지는 문장입니다."),
            ],
        };

        var page = BroadcastPageWriter.Write(story);

        Assert.Contains("2024.10.16. 오전 12:08\n", page, StringComparison.Ordinal);
        Assert.Contains("\n[홍길동 / 교수 (지난 9일) : 인용입니다.]\n\n이어지는 문장입니다.", page, StringComparison.Ordinal);
        Assert.Equal(1, page.Split("[기자]").Length - 1);
    }

    [Fact]
    public void Write_StoryWithoutTime_IsRefused()
    {
        var story = new StoryContent { Headline = "Undated", Language = Language.English, Segments = [new(SegmentKind.Reporter, "Text.")] };

        Assert.Throws<ArgumentException>(() => BroadcastPageWriter.Write(story));
    }
}
