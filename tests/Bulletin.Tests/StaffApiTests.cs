using System.Net;
using System.Text.Json.Nodes;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

public sealed class StaffApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Put_BasedOnAStaleVersion_Gets409WithBothTextsAndLosesNothing(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var first = reporter.Api(server);
        using var second = reporter.Api(server);
        var (id, version) = await CreateAsync(first);

        var saved = await PutAsync(first, id, KoreanStory(anchorText: "첫 번째 기자가 고친 문장입니다."), version);
        var stale = await PutAsync(second, id, KoreanStory(anchorText: "두 번째 기자가 고친 문장입니다."), version);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(stale);
        Assert.Equal(2, problem["currentVersion"]!.GetValue<int>());
        Assert.Contains("첫 번째 기자가", JsonText(problem["current"]!), StringComparison.Ordinal);
        Assert.Contains("두 번째 기자가", JsonText(problem["yours"]!), StringComparison.Ordinal);
        var stored = await GetAsync(first, id);
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Contains("첫 번째 기자가", JsonText(stored), StringComparison.Ordinal);

        // Merged and sent again on the version the conflict reported, it is saved.
        var merged = await PutAsync(second, id, KoreanStory(anchorText: "첫 번째 기자가 고친 문장입니다. 두 번째 기자가 고친 문장입니다."), 2);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Put_WithoutIfMatch_Gets428(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var api = reporter.Api(server);
        var (id, _) = await CreateAsync(api);

        var response = await PutAsync(api, id, KoreanStory(anchorText: "바뀐 문장"), ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal(1, (await GetAsync(api, id))["version"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_ByAReporter_IsForbiddenAndTheStoryStaysOffTheSite(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var reporterApi = reporter.Api(server);
        using var editorApi = editor.Api(server);
        var (id, _) = await CreateAsync(reporterApi);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(reporterApi, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(editorApi, id, "approve")).StatusCode);

        var response = await ActAsync(reporterApi, id, "publish");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var story = await GetAsync(editorApi, id);
        Assert.Equal("approved", story["status"]!.GetValue<string>());
        var (page, _) = await server.GetPageAsync(story["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_OfADraft_Gets409SayingWhy(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, _) = await CreateAsync(api);

        var response = await ActAsync(api, id, "approve");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await ReadAsync(response))["detail"]!.GetValue<string>();
        Assert.Contains("'approve' cannot be done to a story that is draft", detail, StringComparison.Ordinal);
        Assert.Contains("submitted", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_GetsProblemDetails401FromEveryStaffRoute()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var id = Guid.CreateVersion7();

        HttpResponseMessage[] responses =
        [
            await server.Client.PostAsync("/api/newsroom/stories", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken),
            await server.Client.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken),
            await server.Client.GetAsync(new Uri($"/api/newsroom/stories/{id}/revisions", UriKind.Relative), TestContext.Current.CancellationToken),
            await server.Client.PostAsync($"/api/newsroom/stories/{id}/publish", null, TestContext.Current.CancellationToken),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        using var wrongToken = new HttpClient { BaseAddress = server.Address };
        wrongToken.DefaultRequestHeaders.Authorization = new("Bearer", "bnt_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScheduledStory_GoesLiveOnTime_WithNoOtherRequest(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, _) = await CreateAsync(api);
        await ActAsync(api, id, "submit");
        await ActAsync(api, id, "approve");
        var at = TimeProvider.System.GetUtcNow().AddSeconds(2);

        var scheduled = await ActAsync(api, id, "schedule", new { at });

        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        var url = (await ReadAsync(scheduled))["url"]!.GetValue<string>();

        // Nothing is asked of the server while the time comes: the database is watched directly.
        var live = await Eventually.UntilAsync("the scheduled story to go live", async () =>
        {
            await using var db = database.NewContext();
            return await db.Stories.AsNoTracking().FirstAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        }, s => s.Status == StoryStatus.Published, describe: s => s.Status.ToString());

        Assert.Equal(StoryStatus.Published, live.Status);
        var (page, document) = await server.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("폭설로 출근길", document.QuerySelector("article h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PublishedStory_EditedThenCorrectedThenKilled_ChangesThePageOnlyWhenPublished(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, _) = await CreateAsync(api);
        await ActAsync(api, id, "submit");
        await ActAsync(api, id, "approve");
        var published = await ReadAsync(await ActAsync(api, id, "publish"));
        var url = published["url"]!.GetValue<string>();
        var version = published["version"]!.GetValue<int>();

        var edited = await PutAsync(api, id, KoreanStory(anchorText: "아직 출고하지 않은 새 문장입니다."), version);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var (_, before) = await server.GetPageAsync(url);
        Assert.DoesNotContain("아직 출고하지 않은", before.QuerySelector(".script")!.TextContent, StringComparison.Ordinal);

        var corrected = await ActAsync(api, id, "correct", new { note = "기사 첫 문장을 바로잡았습니다." });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var after = await server.GetPageWhenAsync(url, d => d.QuerySelector(".correction") is not null);
        Assert.Contains("기사 첫 문장을 바로잡았습니다.", after.QuerySelector(".correction")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("아직 출고하지 않은", after.QuerySelector(".script")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "kill")).StatusCode);
        var gone = await Eventually.UntilAsync($"{url} to answer 410 once killed",
            async () => (await server.GetPageAsync(url)).Response.StatusCode, s => s == HttpStatusCode.Gone);

        Assert.Equal(HttpStatusCode.Gone, gone);
        var (home, homePage) = await server.GetPageAsync("/");
        Assert.DoesNotContain("폭설로 출근길", homePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(api, id, "publish")).StatusCode);

        var revisions = await api.GetAsync(new Uri($"/api/newsroom/stories/{id}/revisions", UriKind.Relative), TestContext.Current.CancellationToken);
        var list = JsonNode.Parse(await revisions.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(["kill", "correct", "edit", "publish", "approve", "submit", "create"], list.Select(r => r!["action"]!.GetValue<string>()));
        Assert.All(list, r => Assert.Equal("editor@test.example", r!["author"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheStaffRoutes()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var document = JsonNode.Parse(await server.Client.GetStringAsync(new Uri("/api/newsroom/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var (docs, docsPage) = await server.GetPageAsync("/api/newsroom/docs");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/newsroom/stories", paths);
        Assert.Contains("/api/newsroom/stories/{id}", paths);
        Assert.Contains("/api/newsroom/stories/{id}/{action}", paths);
        Assert.Contains("/api/newsroom/stories/{id}/revisions", paths);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("/api/newsroom/stories/{id}/{action}", docsPage.Body!.TextContent, StringComparison.Ordinal);
    }
}
