using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Tests;

public sealed class StoryStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoryContent TalkShow(string headline, DateTimeOffset publishedAt) => new()
    {
        Headline = headline,
        Subheadlines = ["러시아 \"북한 군사 지원\" 언급", "우크라이나 \"북한군 3천 명 파병\""],
        Language = Language.Korean,
        Bylines = ["홍길동"],
        Tags = ["북한", "러시아"],
        Segments =
        [
            new(SegmentKind.Anchor, "러시아가 연일 북한을 두둔하고 있습니다.\n\n홍길동 기자가 보도합니다."),
            new(SegmentKind.Speaker, "말씀 나눠 보겠습니다.", Speaker: "김진행"),
            new(SegmentKind.Soundbite, "조약 문구는 명확합니다.", "드미트리 페스코프", "크렘린궁 대변인", "어제"),
        ],
        SignOff = "YTN 홍길동입니다.",
        Programme = new Programme("김진행", ["이출연 교수", "박패널 기자"]),
        TranscriptDisclaimer = true,
        PublishedAt = publishedAt,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_ThenLoad_KeepsEveryPartOfTheStory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var section = new Section(Guid.CreateVersion7(), "politics", "정치", "Politics", 1);
        var content = TalkShow("러시아, 북한 군사 지원까지 언급", new DateTimeOffset(2024, 10, 16, 9, 8, 0, TimeSpan.FromHours(9)));
        var story = Story.Import(Guid.CreateVersion7(), "20241016-russia", content, section.Id, "page", "abc", Actor.Importer, Now).Value!;
        await using (var context = database.NewContext())
        {
            context.Sections.Add(section);
            context.Stories.Add(story);
            await context.SaveChangesAsync(Cancel);
        }

        await using (var context = database.NewContext())
        {
            var loaded = await context.Stories.SingleAsync(s => s.Id == story.Id, Cancel);
            Assert.Equal(content with { UpdatedAt = Now }, loaded.Content);
            Assert.Equal(new DateTimeOffset(2024, 10, 16, 0, 8, 0, TimeSpan.Zero), loaded.PublishedAt);
            Assert.Equal(section.Id, loaded.SectionId);
            Assert.Equal(("page", "abc"), (loaded.Source, loaded.ExternalId));
            Assert.Equal(StoryStatus.Draft, loaded.Status);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_BasedOnAStaleVersion_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var reporter = new Actor(null, "reporter", [StaffRoles.Reporter]);
        var story = Story.Create(Guid.CreateVersion7(), "s", TalkShow("첫 제목", Now), null, reporter, Now).Value!;
        await using (var context = database.NewContext())
        {
            context.Stories.Add(story);
            await context.SaveChangesAsync(Cancel);
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Stories.SingleAsync(Cancel);
        var theirs = await second.Stories.SingleAsync(Cancel);
        mine.Edit(mine.Content with { Headline = "편집자 A의 제목" }, null, reporter, Now);
        theirs.Edit(theirs.Content with { Headline = "편집자 B의 제목" }, null, reporter, Now);
        await first.SaveChangesAsync(Cancel);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Cancel));
        await using var check = database.NewContext();
        Assert.Equal("편집자 A의 제목", (await check.Stories.SingleAsync(Cancel)).Headline);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_ASecondStoryWithTheSameSourceAndExternalId_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.NewContext();
        context.Stories.Add(Story.Import(Guid.CreateVersion7(), "a", TalkShow("하나", Now), null, "page", "same", Actor.Importer, Now).Value!);
        await context.SaveChangesAsync(Cancel);
        context.Stories.Add(Story.Import(Guid.CreateVersion7(), "b", TalkShow("둘", Now), null, "page", "same", Actor.Importer, Now).Value!);

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Query_PublishedStories_ComeNewestFirstAcrossTimeZones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var context = database.NewContext())
        {
            // 09:00 in Seoul is earlier than 01:00 UTC the same day.
            var seoul = new DateTimeOffset(2024, 10, 16, 9, 0, 0, TimeSpan.FromHours(9));
            var utc = new DateTimeOffset(2024, 10, 16, 1, 0, 0, TimeSpan.Zero);
            foreach (var (slug, at) in new[] { ("seoul", seoul), ("utc", utc) })
            {
                var story = Story.Import(Guid.CreateVersion7(), slug, TalkShow(slug, at), null, "test", slug, Actor.Importer, Now).Value!;
                story.ImportLive(Actor.Importer, Now);
                context.Stories.Add(story);
            }

            await context.SaveChangesAsync(Cancel);
        }

        await using (var context = database.NewContext())
        {
            var order = await context.Stories
                .Where(s => s.Status == StoryStatus.Published && s.PublishedAt > new DateTimeOffset(2024, 10, 15, 0, 0, 0, TimeSpan.Zero))
                .OrderByDescending(s => s.PublishedAt)
                .Select(s => s.Slug)
                .ToListAsync(Cancel);
            Assert.Equal(["utc", "seoul"], order);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_AScriptStoredWithItsParagraphsAndNulls_ReadsTheSameScript(DatabaseProvider provider)
    {
        // Rows written before the script's stored shape left out what is computed (paragraphs) and what is absent (nulls).
        await using var database = await TestDatabase.CreateAsync(provider);
        var story = Story.Import(Guid.CreateVersion7(), "old-shape", TalkShow("옛 모양", Now), null, "page", "old", Actor.Importer, Now).Value!;
        await using (var context = database.NewContext())
        {
            context.Stories.Add(story);
            await context.SaveChangesAsync(Cancel);
            const string written = """
                [{"kind":"anchor","text":"첫 문단\n\n둘째 문단","speaker":null,"title":null,"when":null,"paragraphs":["첫 문단","둘째 문단"]},
                 {"kind":"soundbite","text":"말","speaker":"김","title":"교수","when":"어제","paragraphs":["말"]}]
                """;
            // As the migration that made the column bytes left them: SQLite keeps the text, PostgreSQL its UTF-8 bytes.
            if (provider == DatabaseProvider.Sqlite)
            {
                await context.Database.ExecuteSqlAsync($"UPDATE \"Stories\" SET \"Segments\" = {written}", Cancel);
            }
            else
            {
                await context.Database.ExecuteSqlAsync($"UPDATE \"Stories\" SET \"Segments\" = convert_to({written}, 'UTF8')", Cancel);
            }
        }

        await using (var context = database.NewContext())
        {
            var loaded = await context.Stories.AsNoTracking().SingleAsync(s => s.Id == story.Id, Cancel);
            Assert.Equal(
                [new ScriptSegment(SegmentKind.Anchor, "첫 문단\n\n둘째 문단"), new ScriptSegment(SegmentKind.Soundbite, "말", "김", "교수", "어제")],
                loaded.Segments);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_AScript_StoresItInFewerBytesThanItsText(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repeated = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"러시아가 연일 북한을 두둔하고 있습니다. {i}번째 문단입니다."));
        var content = TalkShow("짧아진 대본", Now) with { Segments = [new(SegmentKind.Reporter, repeated)] };
        var story = Story.Import(Guid.CreateVersion7(), "once", content, null, "page", "once", Actor.Importer, Now).Value!;
        await using (var context = database.NewContext())
        {
            context.Stories.Add(story);
            await context.SaveChangesAsync(Cancel);
            var stored = await context.Database.SqlQuery<byte[]>($"SELECT \"Segments\" AS \"Value\" FROM \"Stories\"").SingleAsync(Cancel);
            // Each paragraph once (not again as a list of paragraphs), and compressed.
            Assert.True(stored.Length < System.Text.Encoding.UTF8.GetByteCount(repeated) / 2, $"{stored.Length} bytes stored");
        }

        await using (var context = database.NewContext())
        {
            Assert.Equal(repeated, (await context.Stories.AsNoTracking().SingleAsync(Cancel)).Segments[0].Text);
        }
    }
}
