using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Ingest;
using Bulletin.Testing;
using Bulletin.Wires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bulletin.Tests.Wires;

/// <summary>Wires that arrive by themselves: an agency's feed over HTTP and a drop folder, into the Incoming queue once.</summary>
public sealed class WireTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Two nodes of one site on one database, and an agency server slow to answer (1.5 s, longer than the wire's
    // interval): the wire is fetched by one node at a time, never by both at once, and once per interval between them.
    [Fact]
    public async Task HttpWire_OnTwoNodes_IsFetchedByOneAtATime()
    {
        var body = await File.ReadAllBytesAsync(Samples.Require("feeds/feedparser/tests/json/example.json"), Cancel);
        await using var feed = LocalFeed.Serve(body, "\"v1\"");
        feed.Delay = TimeSpan.FromSeconds(1.5);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        string[] settings = ["--Wires:Sources:0:Name=agency", "--Wires:Sources:0:Kind=http", "--Wires:Sources:0:Url=" + feed.Url, "--Wires:Sources:0:Interval=1"];
        var folder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        try
        {
            await using var a = await BulletinServer.StartAsync(database, settings: settings);
            await using var b = await BulletinServer.StartAsync(database, settings: settings, dataDirectory: folder);
            await Eventually.UntilAsync("the first fetch", () => Task.FromResult(feed.Full), n => n >= 1);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var before = feed.Full + feed.NotModified;
            await Task.Delay(TimeSpan.FromSeconds(8), Cancel);
            var fetches = feed.Full + feed.NotModified - before;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"two nodes fetched the wire {fetches} times in {started.Elapsed.TotalSeconds:F1} s, at most {feed.MostAtOnce} at once");
            Assert.Equal(1, feed.MostAtOnce);
            Assert.InRange(fetches, 1, (int)Math.Ceiling(started.Elapsed.TotalSeconds / 1.5) + 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HttpWire_PolledAcrossARestart_HoldsEachItemOnce_AndA304AddsNothing(DatabaseProvider provider)
    {
        var body = await File.ReadAllBytesAsync(Samples.Require("feeds/feedparser/tests/json/example.json"), Cancel);
        var expected = StoryFiles.Read(body, IngestFormat.Auto).Where(r => r.Ok).Select(r => r.Story!.Headline).Order().ToList();
        Assert.NotEmpty(expected);
        await using var feed = LocalFeed.Serve(body, "\"v1\"");
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var editor = await EditorAsync(database);
        (string, string)[] settings =
        [
            ("Wires__Sources__0__Name", "agency"),
            ("Wires__Sources__0__Kind", "http"),
            ("Wires__Sources__0__Url", feed.Url.ToString()),
            ("Wires__Sources__0__Interval", "1"),
        ];

        await using (var first = await BulletinProcess.StartAsync(database, settings))
        {
            using var api = Api(first, editor);
            await Eventually.UntilAsync("the feed's items in Incoming", () => HeadlinesAsync(api), h => h.Count >= expected.Count);
            // Polled again with the ETag it was given: the server answers 304, and nothing is added.
            await Eventually.UntilAsync("a conditional GET answered 304", () => Task.FromResult(feed.NotModified), n => n >= 2);
            Assert.Equal(1, feed.Full);
            Assert.Equal(expected, await HeadlinesAsync(api));
            await first.KillAsync();
        }

        // The server now says the document changed, though its items did not: after the restart they are read again
        // and found in the queue already.
        feed.Replace(body, "\"v2\"");
        var before = feed.NotModified;
        await using var second = await BulletinProcess.StartAsync(database, settings);
        using var again = Api(second, editor);
        await Eventually.UntilAsync("the restarted node to read the changed document and poll it again",
            () => Task.FromResult((feed.Full, feed.NotModified)), n => n.Full == 2 && n.NotModified > before);
        Assert.Equal(expected, await HeadlinesAsync(again));

        var sources = await again.GetFromJsonAsync<JsonArray>("/api/newsroom/incoming/sources", Cancel);
        var agency = Assert.Single(sources!);
        Assert.Equal("agency", agency!["name"]!.GetValue<string>());
        Assert.Equal(0, agency["consecutiveFailures"]!.GetValue<int>());
        Assert.NotNull(agency["lastSuccessAt"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FolderWire_DroppedFile_IsQueuedOnce_AndTakingItMakesADraftThatKeepsItsSource(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("bulletin-wire-drop-").FullName;
        try
        {
            await using var database = await BulletinServer.NewDatabaseAsync(provider);
            await using var server = await BulletinServer.StartAsync(database, settings:
            [
                "--Wires:Sources:0:Name=drop",
                "--Wires:Sources:0:Kind=folder",
                "--Wires:Sources:0:Path=" + folder,
                "--Wires:Sources:0:Interval=1",
            ]);
            using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
            using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
            var sample = Samples.Require("ninjs/examples/3.0/ntb_text.json");
            var read = Assert.Single(StoryFiles.Read(await File.ReadAllBytesAsync(sample, Cancel), IngestFormat.Ninjs));
            File.Copy(sample, Path.Combine(folder, "ntb.json"));

            var list = await Eventually.UntilAsync("the dropped file in Incoming",
                () => editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?source=drop", Cancel)!,
                l => l!["items"]!.AsArray().Count > 0);
            // Looked at again and again (by the poller and now by hand), the file is still one item.
            var poller = server.Services.GetRequiredService<WirePoller>();
            Assert.Equal(0, await poller.PollAsync("drop", Cancel));
            Assert.Equal(0, await poller.PollAsync("drop", Cancel));
            list = await editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?status=new", Cancel);
            var item = Assert.Single(list!["items"]!.AsArray())!;
            Assert.Equal(read.Story!.Headline, item["headline"]!.GetValue<string>());
            Assert.Equal(Path.Combine(folder, "ntb.json"), item["provenance"]!.GetValue<string>());
            Assert.Equal("ninjs", item["format"]!.GetValue<string>());
            var id = item["id"]!.GetValue<Guid>();

            // Only the roles that edit work the queue.
            Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync(new Uri("/api/newsroom/incoming", UriKind.Relative), Cancel)).StatusCode);

            using var take = await editor.PostAsync(new Uri($"/api/newsroom/incoming/{id}/take", UriKind.Relative), null, Cancel);
            Assert.Equal(HttpStatusCode.Created, take.StatusCode);
            var taken = await take.Content.ReadFromJsonAsync<JsonObject>(Cancel);
            Assert.Equal("draft", taken!["story"]!["status"]!.GetValue<string>());
            Assert.Equal(read.Story.Headline, taken["story"]!["story"]!["headline"]!.GetValue<string>());
            Assert.Equal("taken", taken["item"]!["status"]!.GetValue<string>());
            var storyId = taken["story"]!["id"]!.GetValue<Guid>();

            await using (var scope = server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
                var story = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == storyId, Cancel);
                Assert.Equal("drop", story.Source);
                Assert.Equal(item["identity"]!.GetValue<string>(), story.ExternalId);
                Assert.Equal(StoryStatus.Draft, story.Status);
            }

            // Taken once; a second take is refused, and the queue's new items no longer list it.
            using var twice = await editor.PostAsync(new Uri($"/api/newsroom/incoming/{id}/take", UriKind.Relative), null, Cancel);
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            list = await editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?status=new", Cancel);
            Assert.Empty(list!["items"]!.AsArray());

            // The agency withdraws the story (a later version, pubStatus canceled): the story taken from it is killed.
            var withdrawal = JsonNode.Parse(await File.ReadAllTextAsync(sample, Cancel))!.AsObject();
            withdrawal["version"] = "7";
            withdrawal["pubStatus"] = "canceled";
            await File.WriteAllTextAsync(Path.Combine(folder, "ntb-withdrawn.json"), withdrawal.ToJsonString(), Cancel);
            var queued = await Eventually.UntilAsync("the withdrawal in Incoming",
                () => editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?status=new", Cancel)!,
                l => l!["items"]!.AsArray().Count > 0);
            Assert.True(Assert.Single(queued!["items"]!.AsArray())!["killed"]!.GetValue<bool>());
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
                Assert.Equal(StoryStatus.Killed, await db.Stories.AsNoTracking().Where(s => s.Id == storyId).Select(s => s.Status).SingleAsync(Cancel));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TrustedWire_DroppedFile_IsPublishedAsItArrives_AndListedAsPublished(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("bulletin-wire-trusted-").FullName;
        try
        {
            await using var database = await BulletinServer.NewDatabaseAsync(provider);
            await using var server = await BulletinServer.StartAsync(database, settings:
            [
                "--Wires:Sources:0:Name=trusted",
                "--Wires:Sources:0:Kind=folder",
                "--Wires:Sources:0:Path=" + folder,
                "--Wires:Sources:0:Interval=1",
                "--Wires:Sources:0:Publish=true",
            ]);
            using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
            var sample = Samples.Require("ninjs/examples/3.0/ntb_text.json");
            var read = Assert.Single(StoryFiles.Read(await File.ReadAllBytesAsync(sample, Cancel), IngestFormat.Ninjs));
            File.Copy(sample, Path.Combine(folder, "ntb.json"));

            var list = await Eventually.UntilAsync("the dropped file published",
                () => editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?status=published", Cancel)!,
                l => l!["items"]!.AsArray().Count > 0);
            var item = Assert.Single(list!["items"]!.AsArray())!;
            var storyId = item["storyId"]!.GetValue<Guid>();
            using var story = await editor.GetAsync(new Uri($"/api/newsroom/stories/{storyId}", UriKind.Relative), Cancel);
            var body = await story.Content.ReadFromJsonAsync<JsonObject>(Cancel);
            Assert.Equal("published", body!["status"]!.GetValue<string>());
            Assert.Equal(read.Story!.Headline, body["story"]!["headline"]!.GetValue<string>());
            Assert.Empty((await editor.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?status=new", Cancel))!["items"]!.AsArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IncomingPage_ShowsEachWiresHealth_AndTakingAnItemOpensItsDraft(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("bulletin-wire-page-").FullName;
        try
        {
            var sample = Samples.Require("ninjs/examples/3.0/ntb_text.json");
            var headline = Assert.Single(StoryFiles.Read(await File.ReadAllBytesAsync(sample, Cancel), IngestFormat.Ninjs)).Story!.Headline;
            File.Copy(sample, Path.Combine(folder, "ntb.json"));
            await using var database = await BulletinServer.NewDatabaseAsync(provider);
            await using var server = await BulletinServer.StartAsync(database, settings:
            [
                "--Wires:Sources:0:Name=drop",
                "--Wires:Sources:0:Kind=folder",
                "--Wires:Sources:0:Path=" + folder,
                "--Wires:Sources:0:Interval=1",
                // Nothing listens on port 9 of this machine: the wire fails, and says so.
                "--Wires:Sources:1:Name=down",
                "--Wires:Sources:1:Kind=http",
                "--Wires:Sources:1:Url=http://127.0.0.1:9/feed.xml",
                "--Wires:Sources:1:Interval=1",
            ]);
            var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
            await using var browser = await Browser.LaunchAsync();
            var page = await browser.SignedInAsync(server, editor.Email, editor.Password);

            await Eventually.UntilAsync("both wires polled", async () =>
            {
                await page.GotoAsync("/newsroom/desk/incoming?ui=en");
                return (await page.Locator("#wires tr[data-wire=drop] .health").TextContentAsync(),
                    await page.Locator("#wires tr[data-wire=down] .health").TextContentAsync(),
                    await page.Locator("#incoming .headline").CountAsync());
            }, h => h is ("Healthy", "Failing", 1));
            await Assertions.Expect(page.Locator("#incoming .headline")).ToHaveTextAsync(headline);
            await Assertions.Expect(page.Locator("#incoming .provenance")).ToHaveTextAsync(Path.Combine(folder, "ntb.json"));
            Assert.NotEmpty((await page.Locator("#wires tr[data-wire=down] td").Nth(6).TextContentAsync())!.Trim());

            await page.ClickAsync("#incoming button.take");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/newsroom/stories/edit/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("#headline")).ToHaveValueAsync(headline);
            await Assertions.Expect(page.Locator("#story-status")).ToHaveTextAsync("draft");

            await page.GotoAsync("/newsroom/desk/incoming?ui=en&status=taken");
            await Assertions.Expect(page.Locator("#incoming .status")).ToHaveTextAsync("Taken");
            await page.GotoAsync("/newsroom/desk/incoming?ui=en");
            await Assertions.Expect(page.Locator("#incoming-empty")).ToBeVisibleAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> HeadlinesAsync(HttpClient api)
    {
        var list = await api.GetFromJsonAsync<JsonObject>("/api/newsroom/incoming?source=agency", Cancel);
        return [.. list!["items"]!.AsArray().Select(i => i!["headline"]!.GetValue<string>()).Order()];
    }

    /// <summary>An editor made through a one-off in-process node, stopped before the process under test starts.</summary>
    private static async Task<StaffAccount> EditorAsync(TestDatabase database)
    {
        await using var setup = await BulletinServer.StartAsync(database);
        return await StaffAccount.CreateAsync(setup, "editor@test.example", StaffRoles.Editor);
    }

    private static HttpClient Api(BulletinProcess node, StaffAccount account)
    {
        var client = new HttpClient { BaseAddress = node.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", account.Token);
        return client;
    }
}
