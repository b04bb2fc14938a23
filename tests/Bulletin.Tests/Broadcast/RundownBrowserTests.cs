using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests.Broadcast;

/// <summary>The producer's rundown page, the prompter and the printed rundown, in Debian's Chromium.</summary>
public sealed class RundownBrowserTests
{
    private const string SnowAnchor = "밤사이 내린 폭설로 출근길 혼잡이 이어졌습니다.";
    private const string BoatAnchor = "한강 수상버스가 오늘 첫 운항을 시작했습니다.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoCopiesOpen_OneProducerFloatsALine_TheOtherShowsItWithinASecond(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);

        var a = await OpenAsync(browser, server, show);
        var b = await OpenAsync(browser, server, show);

        // A floats the snow story with the page's own form (a post and a redirect); B never reloads.
        await a.ClickAsync($"tr[data-item='{show.Snow:N}'] button.float");
        await Assertions.Expect(a.Locator($"tr[data-item='{show.Snow:N}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("floated"));
        var seen = Stopwatch.StartNew();
        await Assertions.Expect(b.Locator($"tr[data-item='{show.Snow:N}']"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("floated"), new() { Timeout = 1000 });
        TestContext.Current.TestOutputHelper?.WriteLine($"the other copy showed the float {seen.ElapsedMilliseconds} ms after the first had it");

        // B's timing follows: its over/under is the rundown's as the API computes it now.
        var rundown = await RundownAsync(show);
        Assert.True(rundown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == show.Snow)!["floated"]!.GetValue<bool>());
        await Assertions.Expect(b.Locator("#rundown-over-under")).ToHaveTextAsync(OverUnder(rundown["overUnder"]!.GetValue<int>()));
        await Assertions.Expect(b.Locator($"tr[data-item='{show.Snow:N}'] td.front")).ToHaveTextAsync("플로트");
        await b.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("newsroom-rundown.png"), FullPage = true });

        // A script edited through the story API moves the open grid's times too.
        using var api = show.Producer.Api(server);
        var version = (await GetAsync(api, show.BoatStory))["version"]!.GetValue<int>();
        var shorter = rundown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == show.Boat)!["textTime"]!.GetValue<int>();
        var longer = BoatStory(BoatAnchor + " 첫날 승객은 모두 천이백 명으로 예상보다 많았고, 운항사는 다음 달부터 배를 두 척 더 띄우기로 했습니다.");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, show.BoatStory, longer, version)).StatusCode);
        var boat = (await RundownAsync(show))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == show.Boat)!;
        Assert.True(boat["textTime"]!.GetValue<int>() > shorter, boat.ToJsonString());
        await Assertions.Expect(b.Locator($"tr[data-item='{show.Boat:N}'] td.text-time")).ToHaveTextAsync(OverUnder(boat["textTime"]!.GetValue<int>()).TrimStart('+'));
        await Assertions.Expect(b.Locator("#rundown-over-under")).ToHaveTextAsync(OverUnder((await RundownAsync(show))["overUnder"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TwoNodes_OnOneRedis_AFloatSavedThroughOneShowsOnAPageOpenOnTheOtherWithinASecond()
    {
        var redis = Environment.GetEnvironmentVariable(SharedStateTests.RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            Assert.Skip($"Redis run skipped: no server configured ({SharedStateTests.RedisVariable} is not set; test.sh sets it).");
        }

        // Two nodes of one site: one PostgreSQL database, one Redis, a data directory each.
        string[] settings = ["--Redis:Configuration=" + redis, $"--Redis:KeyPrefix=test-{Guid.NewGuid():N}:"];
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var folder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        try
        {
            await using var a = await BulletinServer.StartAsync(database, settings: settings);
            await using var b = await BulletinServer.StartAsync(database, settings: settings, dataDirectory: folder);
            await using var browser = await Browser.LaunchAsync();
            var show = await ShowAsync(a);
            var onB = await OpenAsync(browser, b, show);

            // Saved through node A's API; the page is open on node B, which did not make the change.
            using var api = show.Producer.Api(a);
            using var floated = await api.PostAsync(new Uri($"/api/newsroom/rundowns/{show.Id}/items/{show.Snow}/float", UriKind.Relative),
                null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, floated.StatusCode);
            await Assertions.Expect(onB.Locator($"tr[data-item='{show.Snow:N}']"))
                .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("floated"), new() { Timeout = 1000 });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KoreanBeingComposed_WhenAChangeArrives_IsNotBrokenAndTheChangeFollows(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);
        var b = await OpenAsync(browser, server, show);
        var slug = b.Locator($"#slug-{show.Boat:N}");
        await slug.FillAsync("");
        await slug.FocusAsync();

        // Typed as a Korean input method types: committed text, then a syllable being composed.
        var ime = await b.Context.NewCDPSessionAsync(b);
        await ime.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "수상" });
        await ime.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "버", ["selectionStart"] = 1, ["selectionEnd"] = 1 });

        // Another producer adds a break meanwhile.
        using var api = show.Producer.Api(server);
        var added = await api.PostAsJsonAsync($"/api/newsroom/rundowns/{show.Id}/items",
            new { kind = "break", slug = "중간 광고", duration = 90 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await b.WaitForTimeoutAsync(1200);

        // The grid waited: the syllable is still being composed in the same field.
        Assert.Equal(0, await b.Locator("tr[data-slug='중간 광고']").CountAsync());
        Assert.Equal("수상버", await slug.InputValueAsync());

        await ime.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "스" });
        await Assertions.Expect(b.Locator("tr[data-slug='중간 광고']")).ToHaveCountAsync(1, new() { Timeout = 1000 });
        // The input method committed its syllable in place of the one being composed; nothing typed was lost or doubled.
        var typed = await slug.InputValueAsync();
        Assert.True(typed is "수상스" or "수상버스", typed);
        Assert.Equal($"slug-{show.Boat:N}", await b.EvaluateAsync<string>("document.activeElement.id"));

        // What was typed saves.
        await slug.PressAsync("Enter");
        await Assertions.Expect(b.Locator($"tr[data-item='{show.Boat:N}']")).ToHaveAttributeAsync("data-slug", typed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Line_MovedByKeyboardAndByDrag_TakesItsNewPlaceOnBothCopies(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);
        var a = await OpenAsync(browser, server, show);
        var b = await OpenAsync(browser, server, show);
        Assert.Equal([show.Snow, show.Pause, show.Boat], await OrderAsync(a));

        await a.Locator($"tr[data-item='{show.Snow:N}']").FocusAsync();
        await a.Keyboard.PressAsync("Alt+ArrowDown");
        await Assertions.Expect(a.Locator("tbody tr[data-item]").Nth(1)).ToHaveAttributeAsync("data-item", show.Snow.ToString("N"));
        // The moved line keeps the focus, so pressing again moves it on.
        Assert.Equal(show.Snow.ToString("N"), await a.EvaluateAsync<string>("document.activeElement.dataset.item"));
        await a.Keyboard.PressAsync("Alt+ArrowDown");
        await Assertions.Expect(a.Locator("tbody tr[data-item]").Nth(2)).ToHaveAttributeAsync("data-item", show.Snow.ToString("N"));

        Assert.Equal([show.Pause, show.Boat, show.Snow], await OrderAsync(a));
        await Assertions.Expect(b.Locator("tbody tr[data-item]").Nth(2)).ToHaveAttributeAsync("data-item", show.Snow.ToString("N"));
        var stored = (await RundownAsync(show))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal([show.Pause, show.Boat, show.Snow], stored);

        // Dragged by its page number onto the top line, it goes to the top.
        await a.Locator($"tr[data-item='{show.Snow:N}'] td.page").DragToAsync(a.Locator($"tr[data-item='{show.Pause:N}'] td.page"));
        await Assertions.Expect(a.Locator("tbody tr[data-item]").First).ToHaveAttributeAsync("data-item", show.Snow.ToString("N"));
        await Assertions.Expect(b.Locator("tbody tr[data-item]").First).ToHaveAttributeAsync("data-item", show.Snow.ToString("N"));
        stored = [.. (await RundownAsync(show))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
        Assert.Equal([show.Snow, show.Pause, show.Boat], stored);
    }

    [Fact]
    public async Task RundownsPage_StartsARundownAndListsItOnItsAirDate()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var producer = await StaffAccount.CreateAsync(server, "pd@test.example", StaffRoles.Producer);
        var page = await browser.SignedInAsync(server, producer.Email, producer.Password);

        await page.ClickAsync("#nav-rundowns");
        await page.FillAsync("#show", "아침 뉴스");
        await page.FillAsync("#start", "2026-12-03T07:00");
        await page.FillAsync("#hard-out", "2026-12-03T07:50");
        await page.ClickAsync("#create-rundown");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("아침 뉴스");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2026-12-03 07:00:00–07:50:00");
        await Assertions.Expect(page.Locator("#rundown-over-under")).ToHaveTextAsync("-50:00");
        await page.GotoAsync("/newsroom/rundowns?from=2026-12-01");
        await Assertions.Expect(page.Locator("#rundowns a.rundown-link")).ToHaveTextAsync("아침 뉴스");
        await page.GotoAsync("/newsroom/rundowns?from=2026-12-10");
        await Assertions.Expect(page.Locator("#no-rundowns")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutScript_TheDownButton_MovesTheLineAndComesBack()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString().TrimEnd('/'),
            JavaScriptEnabled = false,
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/newsroom");
        await page.FillAsync("#email", show.Producer.Email);
        await page.FillAsync("#password", show.Producer.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom");
        await page.GotoAsync($"/newsroom/rundowns/{show.Id}");

        await page.ClickAsync($"tr[data-item='{show.Snow:N}'] button.down");

        Assert.Equal($"/newsroom/rundowns/{show.Id}", new Uri(page.Url).AbsolutePath);
        Assert.Equal([show.Pause, show.Snow, show.Boat], await OrderAsync(page));
        await page.FillAsync("#add-line-slug", "날씨 연결");
        await page.FillAsync("#add-line-duration", "1:15");
        await page.SelectOptionAsync("#add-line-kind", "live");
        await page.ClickAsync("#add-line button");
        var live = (await RundownAsync(show))["items"]!.AsArray().Single(i => i!["slug"]!.GetValue<string>() == "날씨 연결")!;
        Assert.Equal(75, live["duration"]!.GetValue<int>());
        Assert.Equal("live", live["kind"]!.GetValue<string>());

        // A second block, and a break after it goes into it as B1.
        await page.FillAsync("#add-block-name", "2부");
        await page.FillAsync("#add-block-budget", "10:00");
        await page.ClickAsync("#add-block button");
        await page.FillAsync("#add-line-slug", "2부 광고");
        await page.FillAsync("#add-line-duration", "30");
        await page.ClickAsync("#add-line button");
        await Assertions.Expect(page.Locator("tr[data-slug='2부 광고'] td.page")).ToHaveTextAsync("B1");
        await Assertions.Expect(page.Locator("tr.block").Nth(1)).ToContainTextAsync("2부");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prompter_FollowsTakeAndShowsAnEditedScript(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);
        using var api = show.Producer.Api(server);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/newsroom/rundowns/{show.Id}/activate", null, TestContext.Current.CancellationToken)).StatusCode);

        var producer = await OpenAsync(browser, server, show);
        var prompter = await producer.Context.NewPageAsync();
        await prompter.GotoAsync($"/newsroom/rundowns/{show.Id}/prompter?size=72&mirror=h&marker=25");
        await Assertions.Expect(prompter.Locator("#live-status")).ToHaveClassAsync("live-on");

        // Only what is read aloud, cues set apart; the break has no lines, and recordings' words are not read.
        await Assertions.Expect(prompter.Locator($"section[data-item='{show.Snow:N}'] p.read")).ToHaveTextAsync(SnowAnchor);
        await Assertions.Expect(prompter.Locator($"section[data-item='{show.Snow:N}'] p.cue")).ToContainTextAsync("SOT");
        Assert.Equal(0, await prompter.Locator("p.read", new() { HasText = "두 배는 걸린" }).CountAsync());
        Assert.Equal("matrix(-1, 0, 0, 1, 0, 0)", await prompter.EvaluateAsync<string>("getComputedStyle(document.getElementById('prompter-view')).transform"));
        Assert.Equal("72px", await prompter.EvaluateAsync<string>("getComputedStyle(document.getElementById('prompter-text')).fontSize"));

        // Take on the producer's page: the prompter marks the snow story on air and puts it at the reading marker.
        await producer.ClickAsync("#action-take");
        await Assertions.Expect(prompter.Locator($"section[data-item='{show.Snow:N}']")).ToHaveClassAsync("on-air");
        await producer.ClickAsync("#action-take");
        await producer.ClickAsync("#action-take");
        await Assertions.Expect(prompter.Locator($"section[data-item='{show.Boat:N}']")).ToHaveClassAsync("on-air");
        await AssertAtMarkerAsync(prompter, show.Boat);
        await prompter.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("newsroom-prompter.png") });

        // The reporter fixes the boat story's script; the prompter shows it without a reload.
        var version = (await GetAsync(api, show.BoatStory))["version"]!.GetValue<int>();
        var saved = await PutAsync(api, show.BoatStory, BoatStory("한강 수상버스가 오늘 아침 첫 운항을 시작했습니다."), version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await Assertions.Expect(prompter.Locator($"section[data-item='{show.Boat:N}'] p.read").First)
            .ToHaveTextAsync("한강 수상버스가 오늘 아침 첫 운항을 시작했습니다.");
        await AssertAtMarkerAsync(prompter, show.Boat);

        // The reading marker moves down the screen with ">".
        var markerTop = await prompter.EvaluateAsync<double>("document.getElementById('prompter-marker').getBoundingClientRect().top");
        await prompter.Keyboard.PressAsync(">");
        Assert.True(await prompter.EvaluateAsync<double>("document.getElementById('prompter-marker').getBoundingClientRect().top") > markerTop);

        // A foot pedal's PageDown scrolls on; the arrow (a pedal's other key) and the wheel go back and on.
        const string ScrollTop = "document.getElementById('prompter-scroll').scrollTop";
        var before = await prompter.EvaluateAsync<double>(ScrollTop);
        await prompter.Keyboard.PressAsync("PageDown");
        var paged = await prompter.EvaluateAsync<double>(ScrollTop);
        Assert.True(paged > before);
        await prompter.Keyboard.PressAsync("ArrowUp");
        var up = await prompter.EvaluateAsync<double>(ScrollTop);
        Assert.True(up < paged, $"ArrowUp left the script at {up} (was {paged}).");
        await prompter.Mouse.MoveAsync(400, 300);
        await prompter.Mouse.WheelAsync(0, -120);
        await prompter.WaitForFunctionAsync($"{ScrollTop} < {up.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var wheeled = await prompter.EvaluateAsync<double>(ScrollTop);
        await prompter.Mouse.WheelAsync(0, 60);
        await prompter.WaitForFunctionAsync($"{ScrollTop} > {wheeled.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        // From the keyboard the operator flips the picture vertically too, then back horizontally, and sizes the type.
        const string Transform = "getComputedStyle(document.getElementById('prompter-view')).transform";
        await prompter.Keyboard.PressAsync("v");
        Assert.Equal("matrix(-1, 0, 0, -1, 0, 0)", await prompter.EvaluateAsync<string>(Transform));
        await prompter.Keyboard.PressAsync("h");
        Assert.Equal("matrix(1, 0, 0, -1, 0, 0)", await prompter.EvaluateAsync<string>(Transform));
        await prompter.Keyboard.PressAsync("]");
        Assert.Equal("80px", await prompter.EvaluateAsync<string>("getComputedStyle(document.getElementById('prompter-text')).fontSize"));
        await prompter.Keyboard.PressAsync("[");
        await prompter.Keyboard.PressAsync("[");
        Assert.Equal("64px", await prompter.EvaluateAsync<string>("getComputedStyle(document.getElementById('prompter-text')).fontSize"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PrintedRundownAndScripts_OpenWithHangulAndTheFontInside(DatabaseProvider provider)
    {
        RundownPdfTests.HangulFontOrSkip();
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var show = await ShowAsync(server);
        var page = await OpenAsync(browser, server, show);

        var sheet = await page.APIRequest.GetAsync(await page.GetAttributeAsync("#print-rundown", "href") ?? "");
        Assert.Equal(200, sheet.Status);
        Assert.Equal("application/pdf", sheet.Headers["content-type"]);
        using (var document = PdfDocument.Open(await sheet.BodyAsync()))
        {
            var first = document.GetPage(1);
            Assert.True(first.Width > first.Height);
            Assert.Contains("폭설 출근길", first.Text, StringComparison.Ordinal);
            Assert.Contains("뉴스 7", first.Text, StringComparison.Ordinal);
            RundownPdfTests.AssertEmbeddedHangulFont(document);
        }

        var scripts = await page.APIRequest.GetAsync(await page.GetAttributeAsync("#print-scripts", "href") ?? "");
        using (var document = PdfDocument.Open(await scripts.BodyAsync()))
        {
            Assert.Equal(2, document.NumberOfPages);
            Assert.Contains(SnowAnchor, document.GetPage(1).Text, StringComparison.Ordinal);
            Assert.Contains(BoatAnchor, document.GetPage(2).Text, StringComparison.Ordinal);
            RundownPdfTests.AssertEmbeddedHangulFont(document);
        }
    }

    [Fact]
    public async Task Print_WithoutAHangulFont_SaysSoInsteadOfAPdf()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Print:FontFile=" + Path.Combine(database.DataDirectory, "missing.ttf")]);
        var show = await ShowAsync(server);
        await using var browser = await Browser.LaunchAsync();
        var page = await OpenAsync(browser, server, show);

        var answer = await page.APIRequest.GetAsync($"/newsroom/rundowns/{show.Id}?handler=print&what=rundown");

        Assert.Equal(503, answer.Status);
        Assert.Contains("PDF를 만들 수 없습니다", await answer.TextAsync(), StringComparison.Ordinal);
        Assert.Contains("missing.ttf", await answer.TextAsync(), StringComparison.Ordinal);
    }

    private sealed record Show(BulletinServer Server, StaffAccount Producer, Guid Id, Guid Snow, Guid Pause, Guid Boat, Guid BoatStory);

    /// <summary>뉴스 7 from 19:00 to 19:30 KST: the snow story, a break of a minute, the boat story.</summary>
    private static async Task<Show> ShowAsync(BulletinServer server)
    {
        var producer = await StaffAccount.CreateAsync(server, $"pd-{Guid.NewGuid():N}@test.example", StaffRoles.Producer, StaffRoles.Reporter);
        using var api = producer.Api(server);
        var (snowStory, _) = await CreateAsync(api, KoreanStory("폭설로 출근길 혼잡", SnowAnchor));
        var (boatStory, _) = await CreateAsync(api, BoatStory(BoatAnchor));
        var created = await api.PostAsJsonAsync("/api/newsroom/rundowns", new
        {
            show = "뉴스 7",
            language = "ko",
            start = "2026-12-02T19:00:00+09:00",
            hardOut = "2026-12-02T19:30:00+09:00",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ReadAsync(created))["id"]!.GetValue<Guid>();
        var snow = await AddAsync(api, id, new { storyId = snowStory, slug = "폭설 출근길" });
        var pause = await AddAsync(api, id, new { kind = "break", slug = "광고", duration = 60 });
        var boatItem = await AddAsync(api, id, new { storyId = boatStory, slug = "한강 수상버스" });
        return new Show(server, producer, id, snow, pause, boatItem, boatStory);
    }

    /// <summary>The boat story: one anchor line, no soundbite.</summary>
    private static JsonObject BoatStory(string anchor)
    {
        var boat = KoreanStory("한강 수상버스 첫 운항", anchor);
        boat["segments"]!.AsArray().RemoveAt(1);
        return boat;
    }

    private static async Task<Guid> AddAsync(HttpClient api, Guid rundown, object line)
    {
        var response = await api.PostAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items", line, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> RundownAsync(Show show)
    {
        using var api = show.Producer.Api(show.Server);
        var response = await api.GetAsync(new Uri($"/api/newsroom/rundowns/{show.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    /// <summary>The rundown page, signed in as the show's producer, once its live connection is up.</summary>
    private static async Task<IPage> OpenAsync(Browser browser, BulletinServer server, Show show)
    {
        var page = await browser.SignedInAsync(server, show.Producer.Email, show.Producer.Password);
        await page.GotoAsync($"/newsroom/rundowns/{show.Id}");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveClassAsync("live-on");
        return page;
    }

    private static async Task<List<Guid>> OrderAsync(IPage page) =>
        [.. (await page.Locator("tbody tr[data-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)")).Select(Guid.Parse)];

    private static string OverUnder(int seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Abs(seconds));
        var text = $"{(int)t.TotalMinutes}:{t.Seconds:00}";
        return seconds > 0 ? "+" + text : seconds < 0 ? "-" + text : text;
    }

    /// <summary>The item's header sits at the reading marker (within a line), as a presenter expects after a Take.</summary>
    private static async Task AssertAtMarkerAsync(IPage prompter, Guid item)
    {
        var offset = await prompter.EvaluateAsync<double>($$"""
            () => {
                const section = document.querySelector("section[data-item='{{item:N}}']");
                const marker = document.getElementById('prompter-marker');
                return section.getBoundingClientRect().top - marker.getBoundingClientRect().top;
            }
            """);
        Assert.InRange(Math.Abs(offset), 0, 40);
    }
}
