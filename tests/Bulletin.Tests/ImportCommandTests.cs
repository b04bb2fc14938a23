using System.Text.Json;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tests;

public sealed class ImportCommandTests
{
    private const string KoreanPage = """
        강원 산간 첫눈…출근길 빙판 주의
        강원 산간 첫눈…출근길 빙판 주의
        대관령 5cm 쌓여

        2025.11.12. 오전 06:41.
        [앵커]
        강원 산간에 올겨울 첫눈이 내렸습니다.

        이도현 기자가 보도합니다.

        [기자]
        새벽 사이 대관령 일대가 하얗게 변했습니다.

        [윤서연 / 평창군 주민 (오늘 새벽) : 자고 일어나니까 마당이 온통 하얬어요.]

        기상청은 내일 아침까지 눈이 더 온다고 예보했습니다.

        YTN 이도현입니다.

        ※ '당신의 제보가 뉴스가 됩니다'
        [카카오톡] YTN 검색해 채널 추가
        [전화] 02-398-8585
        [메일] social@ytn.co.kr

        #첫눈 #대관령
        [저작권자(c) YTN 무단전재, 재배포 및 AI 데이터 활용 금지]
        """;

    private const string EnglishTalkShow = """
        [Interview] How cities plan for heat waves

        2025.07.03. PM 03:15
        ■ Host: Anna Seo
        ■ Starring: Professor Min Cho

        * The text below may differ from the actual broadcast, so please check the broadcast for more accurate information.

        [Anna Seo]
        How hot will this summer get?

        [Min Cho]
        Hotter than the last, and cities need shade more than anything.

        Font size settings
        Print
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DryRunJson_OverPagesAndBadFiles_DescribesEachFileAndStoresNothing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a-ko.txt"), KoreanPage, Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "b-en.txt"), EnglishTalkShow, Cancel);
        await File.WriteAllBytesAsync(Path.Combine(folder, "c-photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1], Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "d-empty.txt"), "", Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "e-feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", Cancel);

        var run = await BulletinCli.RunAsync(database, "import", "--dry-run", "--json", folder);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["a-ko.txt", "b-en.txt", "c-photo.jpg", "d-empty.txt", "e-feed.xml"],
            files.Select(f => Path.GetFileName(f.GetProperty("file").GetString())));
        // The empty feed is read (Bulletin reads feeds) and holds nothing; the photo and the empty file are no stories.
        Assert.Equal([true, true, false, false, true], files.Select(f => f.GetProperty("ok").GetBoolean()));
        Assert.Contains("holds no stories", files[4].GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, files[4].GetProperty("story").ValueKind);
        Assert.All(files.Skip(2).Take(2), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("error").GetString()));
            Assert.Equal(JsonValueKind.Null, f.GetProperty("story").ValueKind);
        });

        var korean = files[0].GetProperty("story");
        Assert.Equal("강원 산간 첫눈…출근길 빙판 주의", korean.GetProperty("headline").GetString());
        Assert.Equal(["대관령 5cm 쌓여"], Strings(korean.GetProperty("subheadlines")));
        Assert.Equal("2025-11-12T06:41:00+09:00", korean.GetProperty("publishedAt").GetString());
        Assert.Equal("ko", korean.GetProperty("language").GetString());
        Assert.Equal(["이도현"], Strings(korean.GetProperty("byline")));
        Assert.Equal("YTN 이도현입니다.", korean.GetProperty("signOff").GetString());
        Assert.Equal(["첫눈", "대관령"], Strings(korean.GetProperty("tags")));
        var segments = korean.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(["anchor", "reporter", "soundbite", "reporter"], segments.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("윤서연", segments[2].GetProperty("speaker").GetString());
        Assert.Equal("평창군 주민", segments[2].GetProperty("title").GetString());
        Assert.Equal("오늘 새벽", segments[2].GetProperty("when").GetString());
        Assert.Equal("자고 일어나니까 마당이 온통 하얬어요.", segments[2].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, korean.GetProperty("id").ValueKind);
        var text = string.Join("\n", segments.Select(s => s.GetProperty("text").GetString()));
        Assert.DoesNotContain("02-398-8585", text, StringComparison.Ordinal);
        Assert.DoesNotContain("저작권자", text, StringComparison.Ordinal);
        Assert.Contains("기상청은 내일 아침까지 눈이 더 온다고 예보했습니다.", text, StringComparison.Ordinal);

        var english = files[1].GetProperty("story");
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("2025-07-03T15:15:00+09:00", english.GetProperty("publishedAt").GetString());
        Assert.Equal("Anna Seo", english.GetProperty("programme").GetProperty("host").GetString());
        Assert.Equal(["Professor Min Cho"], Strings(english.GetProperty("programme").GetProperty("guests")));
        Assert.True(english.GetProperty("transcriptDisclaimer").GetBoolean());
        Assert.Equal(["speaker", "speaker"], english.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(["Anna Seo", "Min Cho"], english.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("speaker").GetString()));

        Assert.False(File.Exists(Path.Combine(database.DataDirectory, BulletinData.SqliteFileName)), "A dry run must not create the database.");
    }

    [Fact]
    public async Task Import_TheSamePageTwice_KeepsOneStoryAndSaysItIsUnchanged()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var file = Path.Combine(database.DataDirectory, "snow.txt");
        await File.WriteAllTextAsync(file, KoreanPage, Cancel);

        var first = await BulletinCli.RunAsync(database, "import", "--json", file);
        var second = await BulletinCli.RunAsync(database, "import", "--json", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        using var one = JsonDocument.Parse(first.Output);
        using var two = JsonDocument.Parse(second.Output);
        var id = one.RootElement[0].GetProperty("story").GetProperty("id").GetString();
        Assert.NotNull(id);
        Assert.Equal(id, two.RootElement[0].GetProperty("story").GetProperty("id").GetString());
        Assert.StartsWith("/news/20251112-", one.RootElement[0].GetProperty("story").GetProperty("url").GetString(), StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(1, db.Stories.Count());
    }

    [Fact]
    public async Task Import_IntoASectionThatDoesNotExist_SaysWhichSectionsDo()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var file = Path.Combine(database.DataDirectory, "snow.txt");
        await File.WriteAllTextAsync(file, KoreanPage, Cancel);

        var run = await BulletinCli.RunAsync(database, "import", "--section", "weather", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no section 'weather'", run.Error, StringComparison.Ordinal);
        Assert.Contains("politics", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutVerbose_PrintsTheSummaryAndTheFailuresButNoLinePerFile()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a-ko.txt"), KoreanPage, Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "b-en.txt"), EnglishTalkShow, Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "c-empty.txt"), "", Cancel);

        var run = await BulletinCli.RunAsync(database, "import", folder);

        Assert.Equal(1, run.ExitCode);
        var output = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var summary = Assert.Single(output);
        Assert.Matches(@"^3 files: 2 new, 0 updated, 0 unchanged, 1 failed, \d+ warnings; [\d.]+ s, [\d,]+ stories/s\.$", summary);
        Assert.DoesNotContain("a-ko.txt", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("b-en.txt", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("FAILED", run.Error, StringComparison.Ordinal);
        Assert.Contains("c-empty.txt", run.Error, StringComparison.Ordinal);

        var again = await BulletinCli.RunAsync(database, "import", Path.Combine(folder, "a-ko.txt"));
        Assert.Matches(@"^1 files: 0 new, 0 updated, 1 unchanged, 0 failed, ", again.Output.Trim());
    }

    [Fact]
    public async Task Import_WithVerbose_PrintsALinePerFileBeforeTheSummary()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "a-ko.txt"), KoreanPage, Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "b-en.txt"), EnglishTalkShow, Cancel);

        var run = await BulletinCli.RunAsync(database, "import", "--verbose", folder);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Matches(@"^new\s+\S*a-ko\.txt -> /news/20251112-", lines[0]);
        Assert.Matches(@"^new\s+\S*b-en\.txt -> /en/news/20250703-", lines[1]);
        Assert.StartsWith("2 files: 2 new, 0 updated, 0 unchanged, 0 failed, ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportJson_KeepsStandardOutputOneArrayAndSaysTheSummaryOnStandardError()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var file = Path.Combine(database.DataDirectory, "snow.txt");
        await File.WriteAllTextAsync(file, KoreanPage, Cancel);

        var run = await BulletinCli.RunAsync(database, "import", "--json", file);

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetArrayLength());
        Assert.Contains("1 files: 1 new, 0 updated, 0 unchanged, 0 failed, ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RecordsEachChangeAsTheNewsroomDoes_ARevisionAnAuditRowAndAnOutboxRow(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider, migrated: false);
        var file = Path.Combine(database.DataDirectory, "snow.txt");
        await File.WriteAllTextAsync(file, KoreanPage, Cancel);

        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", file)).ExitCode);

        await using (var db = database.NewContext())
        {
            var story = await db.Stories.SingleAsync(Cancel);
            var revision = await db.StoryRevisions.SingleAsync(r => r.StoryId == story.Id, Cancel);
            Assert.Equal("import", revision.Action);
            Assert.Equal(story.Version, revision.Version);
            // Its content is the story's own, stored once, on the story, until the story changes.
            Assert.False(revision.IsSuperseded);
            Assert.Equal(story.Headline, revision.ReadWith(story).Content.Headline);
            Assert.Equal("import:page", revision.AuthorName);
            var audit = await db.AuditLog.SingleAsync(a => a.Subject == $"story:{story.Id}", Cancel);
            Assert.Equal("story.import", audit.Action);
            // A draft is announced too: that is how every node's staff search learns of it without a rebuild.
            var announced = await db.Outbox.Where(m => m.StoryId == story.Id).Select(m => m.Kind).ToListAsync(Cancel);
            Assert.Equal([OutboxKinds.StoryEdited], announced);
        }

        // The same page again changes nothing, so it records nothing; published, it is a second change.
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", file)).ExitCode);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", file)).ExitCode);

        await using (var db = database.NewContext())
        {
            var story = await db.Stories.SingleAsync(Cancel);
            Assert.True(story.IsLive);
            var revisions = await db.StoryRevisions.Where(r => r.StoryId == story.Id).OrderBy(r => r.Version).ToListAsync(Cancel);
            Assert.Equal(2, revisions.Count);
            Assert.Equal(story.Version, revisions[^1].Version);
            Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Subject == $"story:{story.Id}", Cancel));
            var announced = await db.Outbox.Where(m => m.StoryId == story.Id).OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync(Cancel);
            Assert.Equal([OutboxKinds.StoryEdited, OutboxKinds.StoryPublished], announced);
        }
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
