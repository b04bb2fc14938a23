using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Publishing;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class SearchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoryContent Korean(string headline, string body, int hour) => new()
    {
        Headline = headline,
        Language = Language.Korean,
        Segments = [new(SegmentKind.Anchor, "앵커 멘트입니다."), new(SegmentKind.Reporter, body)],
        PublishedAt = new DateTimeOffset(2025, 3, 2, hour, 0, 0, TimeSpan.FromHours(9)),
    };

    private static async Task<string> WritePagesAsync(TestDatabase database, string name, params StoryContent[] stories)
    {
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, name)).FullName;
        for (var i = 0; i < stories.Length; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:00}.txt"), BroadcastPageWriter.Write(stories[i]), Cancel);
        }

        return folder;
    }

    private static async Task<JsonElement> SearchAsync(BulletinServer server, string query)
    {
        var json = await server.Client.GetStringAsync(new Uri($"/api/public/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), Cancel);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static Task<JsonElement> SearchUntilAsync(BulletinServer server, string query, Func<JsonElement, bool> done, TimeSpan? limit = null) =>
        Eventually.UntilAsync($"public search for \"{query}\" to answer as awaited", () => SearchAsync(server, query), done, limit, r => r.ToString());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishedStory_IsFoundSoonAfter_AndKoreanWordsAreFoundWithTheirParticles(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var folder = await WritePagesAsync(database, "pages",
            Korean("북한이 동해상으로 미사일 발사", "합동참모본부는 북한은 오늘 오전 미사일을 쐈다고 밝혔습니다.", 9),
            Korean("러시아가 군사 지원 언급", "러시아 외무차관은 조약을 언급했습니다.", 10),
            Korean("전통시장 온라인 장보기 늘어", "상인들은 배달이 관건이라고 말합니다.", 11));

        var import = await BulletinCli.RunAsync(database, "import", "--publish", folder);
        var clock = Stopwatch.StartNew();
        var north = await SearchUntilAsync(server, "북한", r => r.GetProperty("total").GetInt32() > 0);
        TestContext.Current.SendDiagnosticMessage($"a story published by another process was found after {clock.ElapsedMilliseconds} ms");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(1, north.GetProperty("total").GetInt32());
        var hit = north.GetProperty("hits")[0];
        Assert.Equal("북한이 동해상으로 미사일 발사", hit.GetProperty("headline").GetString());
        Assert.StartsWith("/news/20250302-", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025-03-02T09:00:00+09:00", hit.GetProperty("publishedAt").GetString());
        var russia = await SearchAsync(server, "러시아");
        Assert.Equal("러시아가 군사 지원 언급", russia.GetProperty("hits")[0].GetProperty("headline").GetString());

        var (response, page) = await server.GetPageAsync("/search?q=" + Uri.EscapeDataString("북한"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("북한이 동해상으로 미사일 발사", page.QuerySelector(".search-results a")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll(".search-results mark"));
        var (storyResponse, _) = await server.GetPageAsync(page.QuerySelector(".search-results a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, storyResponse.StatusCode);
    }

    [Fact]
    public async Task Drafts_AreNotFoundByReaders()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = await WritePagesAsync(database, "drafts", Korean("국회 예산안 심사 착수", "여야는 예산안 심사에 들어갔습니다.", 9));
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", folder)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);
        await server.WaitForSearchAsync();

        var result = await SearchAsync(server, "예산안");

        Assert.Equal(0, result.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StoryFromTheNewsroom_IsFoundByStaffAsADraft_ByReadersOncePublished_AndByNobodyOnceKilled(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, _) = await NewsroomApi.CreateAsync(api, NewsroomApi.KoreanStory(headline: "북한이 동해상으로 미사일 발사"));

        var staffDraft = await StaffSearchUntilAsync(api, "북한", r => r.GetProperty("total").GetInt32() > 0);
        var publicDraft = await SearchAsync(server, "북한");
        Assert.Equal(1, staffDraft.GetProperty("total").GetInt32());
        Assert.Equal("draft", staffDraft.GetProperty("hits")[0].GetProperty("status").GetString());
        Assert.Equal(0, publicDraft.GetProperty("total").GetInt32());

        foreach (var step in new[] { "submit", "approve", "publish" })
        {
            Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(api, id, step)).StatusCode);
        }

        // How soon is measured by bench/Bulletin.Freshness.Benchmark; here only that it is found.
        var published = await SearchUntilAsync(server, "북한", r => r.GetProperty("total").GetInt32() > 0);
        Assert.Equal(1, published.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(api, id, "kill")).StatusCode);
        var killed = await SearchUntilAsync(server, "북한", r => r.GetProperty("total").GetInt32() == 0);
        Assert.Equal(0, killed.GetProperty("total").GetInt32());
    }

    private static Task<JsonElement> StaffSearchUntilAsync(HttpClient api, string query, Func<JsonElement, bool> done) =>
        Eventually.UntilAsync($"staff search for \"{query}\" to answer as awaited", async () =>
        {
            var json = await api.GetStringAsync(new Uri($"/api/newsroom/search?q={Uri.EscapeDataString(query)}", UriKind.Relative), Cancel);
            return JsonDocument.Parse(json).RootElement.Clone();
        }, done, describe: r => r.ToString());

    [Fact]
    public async Task DamagedIndex_IsRebuiltAtStartWhileTheSiteServes()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = await WritePagesAsync(database, "pages", Korean("한강 수상버스 첫 운항", "여의도에서 잠실까지 운항합니다.", 9));
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", folder)).ExitCode);
        await using (var first = await BulletinServer.StartAsync(database))
        {
            await first.WaitForSearchAsync();
        }

        var index = Path.Combine(database.DataDirectory, SearchIndexService.FolderName);
        foreach (var file in Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories))
        {
            await File.WriteAllBytesAsync(file, new byte[64], Cancel);
        }

        await using var server = await BulletinServer.StartAsync(database);
        var (home, _) = await server.GetPageAsync("/");
        var found = await SearchUntilAsync(server, "수상버스", r => r.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reindex_RebuildsTheIndexFromTheDatabase_AndSaysHowMany()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = await WritePagesAsync(database, "pages",
            Korean("첫 번째 기사", "내용 하나", 9), Korean("두 번째 기사", "내용 둘", 10));
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", folder)).ExitCode);

        var run = await BulletinCli.RunAsync(database, "reindex");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Indexed 2 stories.", run.Output, StringComparison.Ordinal);
        Assert.Contains("100%", run.Error, StringComparison.Ordinal);
        await using var server = await BulletinServer.StartAsync(database);
        Assert.Equal(1, (await SearchAsync(server, "두 번째")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SearchApi_WithABadDate_SaysWhatItExpects()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var response = await server.Client.GetAsync(new Uri("/api/public/search?q=x&from=yesterday", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2024-10-16", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
