using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulletin.Broadcast.Mos;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tests.Mos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests.Broadcast;

/// <summary>
/// The producer's page with a studio behind it: a real MOS device (NRK's mos-connection) offering objects and
/// reporting on lines, and Debian's Chromium. The picker, hard start and read-rate forms work as plain forms with
/// no script; a device's word on a line shows on an open page without a reload.
/// </summary>
public sealed class RundownStudioBrowserTests
{
    private const string NcsId = "bulletin.ncs.studio.test";

    /// <summary>20 syllables: with the 13 of the soundbite read aloud (it has no recording), 33 in all.</summary>
    private const string SnowAnchor = "밤사이 내린 폭설로 출근길 혼잡이 이어졌습니다.";

    /// <summary>What a page is given to show what it should, on a machine a whole test run loads (it is usually under 0.2 s).</summary>
    private const float Slow = 30_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutScript_AProducerAttachesAClip_SetsAHardStartAndReadRates_AndAnOpenPageShowsTheDevicesWordLive()
    {
        var ports = MosDevice.FreePorts();
        var deviceId = $"device.{Guid.NewGuid():N}.test";
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings:
        [
            "--Mos:NcsId=" + NcsId, "--Mos:ListenAddress=127.0.0.1", "--Mos:Lower=0", "--Mos:Upper=0",
            "--Mos:AckTimeout=00:00:03", "--Mos:ReconnectDelay=00:00:00.300", "--Mos:HeartbeatInterval=00:00:01",
            "--Mos:Devices:0:Id=" + deviceId, "--Mos:Devices:0:Host=127.0.0.1",
            $"--Mos:Devices:0:Lower={ports.Lower}", $"--Mos:Devices:0:Upper={ports.Upper}",
            "--Presenters:0:Name=김민지", "--Presenters:0:KoreanSyllablesPerMinute=300",
            "--Presenters:1:Name=박준호", "--Presenters:1:KoreanSyllablesPerMinute=420",
        ]);
        var gateway = server.Services.GetRequiredService<MosGateway>();
        await gateway.Started;
        await using var device = await MosDevice.StartAsync(deviceId, ports, NcsId, gateway.LowerPort, gateway.UpperPort,
            """[{"objID":"CLIP-0042","slug":"폭설 현장 영상","duration":375,"timeBase":25}]""");
        var producer = await StaffAccount.CreateAsync(server, $"pd-{Guid.NewGuid():N}@test.example", StaffRoles.Producer, StaffRoles.Reporter);
        using var api = producer.Api(server);
        var (snowStory, _) = await CreateAsync(api, KoreanStory("폭설로 출근길 혼잡", SnowAnchor));
        var created = await api.PostAsJsonAsync("/api/newsroom/rundowns", new
        {
            show = "뉴스 7", language = "ko", start = "2026-12-02T19:00:00+09:00", hardOut = "2026-12-02T19:30:00+09:00",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rundown = (await ReadAsync(created))["id"]!.GetValue<Guid>();
        var snow = await AddAsync(api, rundown, new { storyId = snowStory, slug = "폭설 출근길" });
        var live = await AddAsync(api, rundown, new { kind = "live", slug = "현장 연결", duration = 60 });
        var inventory = server.Services.GetRequiredService<MosObjectInventory>();
        for (var wait = 0; wait < 300 && inventory.Find(deviceId, "CLIP-0042") is null; wait++)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.NotNull(inventory.Find(deviceId, "CLIP-0042"));

        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString().TrimEnd('/'),
            JavaScriptEnabled = false,
            Locale = "ko-KR",
        });
        // Signing in hashes a password and every form posts and comes back: slow on a machine a whole test run loads.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom");
        await page.FillAsync("#email", producer.Email);
        await page.FillAsync("#password", producer.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom", new() { Timeout = 120_000 });

        // The picker finds the clip by a word of its slug, and attaches it to the snow story's line.
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await page.FillAsync("#find-objects-text", "현장");
        await page.ClickAsync("#find-objects button");
        await page.SelectOptionAsync("#attach-line", snow.ToString());
        await page.SelectOptionAsync("#attach-object-id", $"{Uri.EscapeDataString(deviceId)} CLIP-0042");
        await SubmitAsync(page, "#attach-object button");
        Assert.Equal($"/newsroom/rundowns/{rundown}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator($"tr[data-item='{snow:N}'] li[data-object='CLIP-0042']")).ToContainTextAsync("폭설 현장 영상", new() { Timeout = Slow });
        var line = Item(await RundownAsync(api, rundown), snow);
        Assert.Equal(("CLIP-0042", 15.0), (line["objects"]![0]!["objID"]!.GetValue<string>(), line["objects"]![0]!["duration"]!.GetValue<double>()));

        // The live cross must start at 19:00:30, typed as a time of day on the show's date.
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await page.SelectOptionAsync("#hard-start-line", live.ToString());
        await page.FillAsync("#hard-start-time", "19:00:30");
        await SubmitAsync(page, "#line-hard-start button");
        await Assertions.Expect(page.Locator($"tr[data-item='{live:N}'] td.hard-start")).ToHaveTextAsync("19:00:30", new() { Timeout = Slow });
        Assert.Equal("2026-12-02T19:00:30+09:00", Item(await RundownAsync(api, rundown), live)["hardStart"]!.GetValue<string>());

        // 33 syllables: 6 s at the usual 350 a minute, 7 s read by 김민지 (300), 5 s by the show's 박준호 (420).
        Assert.Equal(6, Item(await RundownAsync(api, rundown), snow)["textTime"]!.GetValue<int>());
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await page.SelectOptionAsync("#line-rate-line", snow.ToString());
        await page.SelectOptionAsync("#line-rate-presenter", "김민지");
        await SubmitAsync(page, "#line-rate button");
        line = Item(await RundownAsync(api, rundown), snow);
        Assert.Equal(("김민지", 7), (line["presenter"]!.GetValue<string>(), line["textTime"]!.GetValue<int>()));
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await page.SelectOptionAsync("#line-rate-line", snow.ToString());
        await page.SelectOptionAsync("#line-rate-presenter", "");
        await SubmitAsync(page, "#line-rate button");
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await page.SelectOptionAsync("#show-rate-presenter", "박준호");
        await SubmitAsync(page, "#show-rate button");
        await Assertions.Expect(page.Locator("#show-rate-now")).ToContainTextAsync("박준호", new() { Timeout = Slow });
        var show = await RundownAsync(api, rundown);
        Assert.Equal(("박준호", 5), (show["presenter"]!.GetValue<string>(), Item(show, snow)["textTime"]!.GetValue<int>()));
        Assert.Null(Item(show, snow)["presenter"]);

        // Taken off again with the line's own button.
        await page.GotoAsync($"/newsroom/rundowns/{rundown}");
        await SubmitAsync(page, $"tr[data-item='{snow:N}'] li[data-object='CLIP-0042'] button.detach");
        await Assertions.Expect(page.Locator($"tr[data-item='{snow:N}'] li[data-object]")).ToHaveCountAsync(0, new() { Timeout = Slow });
        Assert.Empty(Item(await RundownAsync(api, rundown), snow)["objects"]!.AsArray());

        // On air, with the page open and live: the device's word on the live cross shows without a reload.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(new Uri($"/api/newsroom/rundowns/{rundown}/activate", UriKind.Relative), null, Cancel)).StatusCode);
        await device.WaitForMessageAsync("roReadyToAir", r => r.Element("roID")!.Value == RundownRunningOrder.Id(rundown));
        var open = await browser.SignedInAsync(server, producer.Email, producer.Password);
        await open.GotoAsync($"/newsroom/rundowns/{rundown}");
        await Assertions.Expect(open.Locator("#live-status")).ToHaveClassAsync("live-on", new() { Timeout = Slow });
        var loads = 0;
        open.Load += (_, _) => loads++;
        foreach (var status in new[] { "READY", "PLAY" })
        {
            var seen = Stopwatch.StartNew();
            var said = await device.CommandAsync("roElementStat", new { roID = RundownRunningOrder.Id(rundown), storyID = RundownRunningOrder.Id(live), status });
            Assert.False(said.TryGetProperty("error", out var error), error.ToString());
            var answered = seen.ElapsedMilliseconds;
            // Generous, for a machine a whole test run loads: what is measured is written out below.
            await Assertions.Expect(open.Locator($"tr[data-item='{live:N}'] td.studio .device-status[data-device='{deviceId}']"))
                .ToHaveAttributeAsync("data-status", status, new() { Timeout = Slow });
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{status}: the gateway answered the device {answered} ms after it spoke; the open page showed it {seen.ElapsedMilliseconds - answered} ms after that");
        }

        Assert.Equal(0, loads);
        await open.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("newsroom-rundown-studio.png"), FullPage = true });
    }

    /// <summary>Posts a form and waits for the page it comes back to (the rundown, saying the change was made).</summary>
    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.ClickAsync(button);
        await page.WaitForURLAsync(url => url.Contains("done=", StringComparison.Ordinal), new() { Timeout = 90_000 });
    }

    private static JsonNode Item(JsonObject rundown, Guid item) => rundown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == item)!;

    private static async Task<Guid> AddAsync(HttpClient api, Guid rundown, object line)
    {
        var response = await api.PostAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items", line, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> RundownAsync(HttpClient api, Guid rundown)
    {
        var response = await api.GetAsync(new Uri($"/api/newsroom/rundowns/{rundown}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }
}
