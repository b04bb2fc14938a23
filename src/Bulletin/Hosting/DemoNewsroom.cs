using Bulletin.Core.Curation;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Data.Publication;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Hosting;

/// <summary>
/// A small newsroom for a first start: a few stories in both editions, written for Bulletin, in the shape of a
/// broadcast script, and a couple of editor's picks. Only ever added to a database that was just created.
/// </summary>
public static class DemoNewsroom
{
    public static async Task AddAsync(BulletinDbContext db, TimeProvider time, SiteClock clock, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Slug, s => s.Id, cancellationToken);
        var stories = new List<Story>();
        var minutesAgo = 20;
        foreach (var (sectionSlug, content) in Stories())
        {
            var publishedAt = now.AddMinutes(-minutesAgo);
            minutesAgo += 95;
            var story = Story.Import(
                Guid.CreateVersion7(publishedAt),
                Slugs.ForStory(content.Headline, clock.Local(publishedAt)),
                content with { PublishedAt = publishedAt },
                sections.TryGetValue(sectionSlug, out var id) ? id : null,
                source: "demo",
                externalId: Slugs.FromHeadline(content.Headline),
                Actor.Importer,
                now).Value!;
            story.ImportLive(Actor.Importer, now);
            stories.Add(story);
            db.Stories.Add(story);
            db.Outbox.Add(new OutboxMessage(story.Id, OutboxKinds.StoryPublished, now));
        }

        // One pick in each edition besides its newest story.
        var picks = stories.GroupBy(s => s.Language).SelectMany(g => g.Skip(1).Take(2)).ToList();
        for (var i = 0; i < picks.Count; i++)
        {
            db.EditorsPicks.Add(new EditorsPick(Guid.CreateVersion7(now), picks[i].Id, i + 1, expiresAt: null));
        }

        await db.FollowAsync(stories, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<(string Section, StoryContent Content)> Stories()
    {
        yield return ("society", new StoryContent
        {
            Headline = "한강 야간 수상버스 첫 운항…\"출퇴근 20분 단축\"",
            Subheadlines = ["여의도~잠실 구간 시범 운항", "시민 반응은 '기대 반 걱정 반'"],
            Language = Language.Korean,
            Bylines = ["김하늘"],
            Tags = ["한강", "수상버스", "서울"],
            Segments =
            [
                new(SegmentKind.Anchor, "한강을 오가는 야간 수상버스가 오늘 처음 운항을 시작했습니다.\n\n서울시는 출퇴근 시간이 최대 20분 줄어들 것으로 내다봤습니다.\n\n김하늘 기자가 보도합니다."),
                new(SegmentKind.Reporter, "저녁 7시, 여의도 선착장에 승객들이 줄지어 배에 오릅니다.\n\n시범 운항 구간은 여의도에서 잠실까지, 중간 정류장은 네 곳입니다.\n\n배차 간격은 30분으로, 요금은 지하철과 같은 수준으로 정해졌습니다."),
                new(SegmentKind.Soundbite, "생각보다 빠르고 조용해서 매일 타고 다닐 것 같아요.", "이서준", "여의도 직장인"),
                new(SegmentKind.Reporter, "다만 겨울철 결빙과 안개에 따른 결항 대책은 아직 과제로 남아 있습니다.\n\n서울시는 석 달 동안의 시범 운항 결과를 보고 정식 운항 여부를 정할 계획입니다."),
            ],
            SignOff = "Bulletin 뉴스 김하늘입니다.",
        });
        yield return ("economy", new StoryContent
        {
            Headline = "전통시장 온라인 장보기 두 배로…상인들 \"배달이 관건\"",
            Language = Language.Korean,
            Bylines = ["박도윤"],
            Tags = ["전통시장", "온라인"],
            Segments =
            [
                new(SegmentKind.Anchor, "전통시장 물건을 온라인으로 주문하는 사람이 1년 새 두 배로 늘었습니다.\n\n박도윤 기자가 보도합니다."),
                new(SegmentKind.Reporter, "오전 장사를 마친 상인이 휴대전화로 들어온 주문을 확인합니다.\n\n과일과 반찬 주문이 가장 많고, 주문의 절반 이상이 저녁 시간에 몰립니다."),
                new(SegmentKind.Soundbite, "주문은 느는데 배달 기사를 구하기가 제일 어렵습니다.", "최영희", "망원시장 상인", "지난 9일"),
                new(SegmentKind.Reporter, "지방자치단체들은 공동 배송센터를 늘려 상인들의 부담을 덜겠다는 방침입니다."),
            ],
            SignOff = "Bulletin 뉴스 박도윤입니다.",
        });
        yield return ("culture", new StoryContent
        {
            Headline = "[대담] 지역 방송의 내일을 묻다",
            Language = Language.Korean,
            Programme = new Programme("정민아 앵커", ["한지호 미디어학과 교수"]),
            TranscriptDisclaimer = true,
            Tags = ["지역방송", "대담"],
            Segments =
            [
                new(SegmentKind.Speaker, "오늘은 지역 방송의 역할을 짚어 보겠습니다. 교수님, 어서 오십시오.", "정민아"),
                new(SegmentKind.Speaker, "안녕하세요. 지역 뉴스는 동네의 일을 가장 먼저, 가장 자세히 알리는 창구입니다.", "한지호"),
                new(SegmentKind.Speaker, "시청자가 줄고 있다는 지적도 있는데요.", "정민아"),
                new(SegmentKind.Speaker, "플랫폼이 바뀐 것이지 관심이 줄어든 것은 아닙니다. 짧은 영상과 제보 창구를 함께 키워야 합니다.", "한지호"),
            ],
        });
        yield return ("world", new StoryContent
        {
            Headline = "Ports brace for record typhoon season as shipping lines reroute",
            Language = Language.English,
            Bylines = ["Daniel Cho"],
            Tags = ["typhoon", "shipping"],
            Segments =
            [
                new(SegmentKind.Anchor, "Ports across the region are preparing for what forecasters call a record typhoon season.\n\nShipping lines have already begun changing their routes.\n\nDaniel Cho reports."),
                new(SegmentKind.Reporter, "Cranes stand idle at the container terminal as crews tie down stacks ahead of the first storm.\n\nThree major carriers said they would skip two ports this week and wait offshore instead."),
                new(SegmentKind.Soundbite, "We would rather lose two days than lose a ship.", "Grace Lim", "operations director at a shipping line", "Yesterday"),
                new(SegmentKind.Reporter, "Port authorities say emergency crews will stay on duty around the clock until the season ends."),
            ],
            SignOff = "Daniel Cho, Bulletin News.",
        });
        yield return ("economy", new StoryContent
        {
            Headline = "Night markets draw young shoppers back to old town centres",
            Language = Language.English,
            Bylines = ["Mina Park"],
            Tags = ["markets", "retail"],
            Segments =
            [
                new(SegmentKind.Anchor, "Weekend night markets are bringing crowds back to town centres that had been emptying for years.\n\nMina Park reports."),
                new(SegmentKind.Reporter, "By nine in the evening, the narrow street is full of food stalls, buskers and shoppers in their twenties.\n\nLocal shop owners say Saturday sales have doubled since the market opened in spring."),
                new(SegmentKind.Soundbite, "People come for the food and stay for the shops.", "Lee Jae-won", "head of the merchants' association"),
            ],
            SignOff = "Mina Park, Bulletin News.",
        });
        yield return ("culture", new StoryContent
        {
            Headline = "[Interview] What a newsroom learns from its viewers' tips",
            Language = Language.English,
            Programme = new Programme("Sarah Kim", ["Tom Baek, tip desk editor"]),
            TranscriptDisclaimer = true,
            Tags = ["tips", "interview"],
            Segments =
            [
                new(SegmentKind.Speaker, "Every day viewers send us photos, videos and stories. Tom, how many of them become news?", "Sarah Kim"),
                new(SegmentKind.Speaker, "A few a day. But every tip is read, and many lead us to a story we would have missed.", "Tom Baek"),
                new(SegmentKind.Speaker, "And how do you protect the people who send them?", "Sarah Kim"),
                new(SegmentKind.Speaker, "We keep as little as we can about them, and we never publish a file without checking what it reveals.", "Tom Baek"),
            ],
        });
    }
}
