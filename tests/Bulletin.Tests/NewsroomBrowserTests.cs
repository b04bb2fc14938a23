using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Playwright;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

public sealed class NewsroomBrowserTests
{
    private const string Headline = "한강 야간 수상버스 첫 운항…\"출퇴근 20분 단축\"";
    private const string Soundbite = "생각보다 빠르고 조용해서 매일 타고 다닐 것 같아요.";
    private const string CorrectionNote = "수상버스 배차 간격을 20분에서 30분으로 바로잡았습니다.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Newsroom_AdminReporterAndEditor_TakeAKoreanStoryToTheSiteAndCorrectIt(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);

        // The admin adds a reporter and an editor, and hands each a one-time password.
        var adminPage = await browser.SignedInAsync(server, admin.Email, admin.Password);
        var reporterPassword = await AddStaffAsync(adminPage, "reporter@test.example", StaffRoles.Reporter);
        var editorPassword = await AddStaffAsync(adminPage, "editor@test.example", StaffRoles.Editor);

        // The reporter writes a Korean story with a soundbite and submits it.
        var reporter = await browser.SignedInAsync(server, "reporter@test.example", reporterPassword);
        await reporter.GotoAsync("/newsroom/stories/edit");
        await reporter.FillAsync("#headline", Headline);
        await reporter.FillAsync("#bylines", "김하늘");
        await reporter.FillAsync("#text-0", "한강을 오가는 야간 수상버스가 오늘 처음 운항을 시작했습니다.");
        await reporter.FillAsync("#text-1", "저녁 7시, 여의도 선착장에 승객들이 줄지어 배에 오릅니다.\n\n배차 간격은 20분입니다.");
        await reporter.ClickAsync("button.add-segment[data-kind=soundbite]");
        await reporter.FillAsync("#speaker-2", "이서준");
        await reporter.FillAsync("#title-2", "여의도 직장인");
        await reporter.FillAsync("#when-2", "어제");
        // Typed as an IME commits text, not pasted in one go.
        await reporter.Locator("#text-2").PressSequentiallyAsync(Soundbite);
        Assert.Equal(Headline, await reporter.InputValueAsync("#headline"));
        var typedReadTime = await reporter.Locator(".segment-read-time[data-for=text-2]").TextContentAsync();
        Assert.Equal("0:03", typedReadTime);
        await reporter.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("newsroom-editor.png"), FullPage = true });
        await reporter.ClickAsync("#action-submit");
        await Assertions.Expect(reporter.Locator("#story-status")).ToHaveTextAsync("submitted");
        Assert.Equal(Soundbite, await reporter.InputValueAsync("#text-2"));
        // The server counts the soundbite's read time as the page's script did while it was typed.
        Assert.Equal(typedReadTime, await reporter.Locator(".segment-read-time[data-for=text-2]").TextContentAsync());
        Assert.Equal(0, await reporter.Locator("#action-publish").CountAsync());

        // The editor finds it waiting on the desk, approves and publishes it.
        var editor = await browser.SignedInAsync(server, "editor@test.example", editorPassword);
        await Assertions.Expect(editor.Locator("#list-submitted a.story-link")).ToHaveTextAsync(Headline);
        await editor.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("newsroom-desk.png") });
        await editor.ClickAsync("#list-submitted a.story-link");
        await editor.ClickAsync("#action-approve");
        await Assertions.Expect(editor.Locator("#story-status")).ToHaveTextAsync("approved");
        await editor.ClickAsync("#action-publish");
        await Assertions.Expect(editor.Locator("#story-status")).ToHaveTextAsync("published");
        var editorUrl = editor.Url;

        // It is on the public site, soundbite and all.
        await editor.ClickAsync("#public-link");
        await Assertions.Expect(editor.Locator("article h1")).ToHaveTextAsync(Headline);
        await Assertions.Expect(editor.Locator("figure.soundbite cite")).ToHaveTextAsync("이서준");
        await Assertions.Expect(editor.Locator("figure.soundbite blockquote")).ToContainTextAsync(Soundbite);
        var publicUrl = editor.Url;
        await editor.GotoAsync("/");
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("한강 야간 수상버스");

        // The editor corrects it; the note shows on the story page.
        await editor.GotoAsync(editorUrl);
        await editor.FillAsync("#text-1", "저녁 7시, 여의도 선착장에 승객들이 줄지어 배에 오릅니다.\n\n배차 간격은 30분입니다.");
        await editor.FillAsync("#correction-note", CorrectionNote);
        await editor.ClickAsync("#action-correct");
        await Assertions.Expect(editor.Locator("#notice")).ToBeVisibleAsync();
        await ReloadUntilAsync(editor, publicUrl, ".correction");
        await Assertions.Expect(editor.Locator(".correction")).ToContainTextAsync(CorrectionNote);
        await Assertions.Expect(editor.Locator(".script")).ToContainTextAsync("배차 간격은 30분입니다.");

        // The admin's audit log says who did each of it.
        await adminPage.GotoAsync("/newsroom/admin/audit");
        var audit = await adminPage.Locator("#audit").TextContentAsync();
        Assert.Contains("user.add", audit, StringComparison.Ordinal);
        Assert.Matches("reporter@test.example\\s*story.submit", audit);
        Assert.Matches("editor@test.example\\s*story.publish", audit);
        Assert.Matches("editor@test.example\\s*story.correct", audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoEditors_SaveOneStoryAtOnce_TheSecondSeesTheConflictAndLosesNothing(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var first = await StaffAccount.CreateAsync(server, "first@test.example", StaffRoles.Editor);
        var second = await StaffAccount.CreateAsync(server, "second@test.example", StaffRoles.Editor);
        using var api = first.Api(server);
        var (id, _) = await CreateAsync(api);
        await ActAsync(api, id, "submit");

        var a = await browser.SignedInAsync(server, first.Email, first.Password);
        var b = await browser.SignedInAsync(server, second.Email, second.Password);
        await a.GotoAsync($"/newsroom/stories/edit/{id}");
        await b.GotoAsync($"/newsroom/stories/edit/{id}");
        await Assertions.Expect(b.Locator("#presence")).ToContainTextAsync(first.Email);

        await a.FillAsync("#text-0", "첫 번째 편집자가 고친 앵커 멘트입니다.");
        await b.FillAsync("#text-0", "두 번째 편집자가 고친 앵커 멘트입니다.");
        await b.FillAsync("#headline", "두 번째 편집자의 새 제목");
        await a.ClickAsync("#save");
        await Assertions.Expect(a.Locator("#notice")).ToBeVisibleAsync();
        await b.ClickAsync("#save");

        await Assertions.Expect(b.Locator("#conflict")).ToBeVisibleAsync();
        await Assertions.Expect(b.Locator("#conflict-theirs")).ToContainTextAsync("첫 번째 편집자가 고친");
        await Assertions.Expect(b.Locator("#conflict-yours")).ToContainTextAsync("두 번째 편집자가 고친");
        Assert.Equal("두 번째 편집자가 고친 앵커 멘트입니다.", await b.InputValueAsync("#text-0"));
        Assert.Equal("두 번째 편집자의 새 제목", await b.InputValueAsync("#headline"));

        // The second editor merges the two and saves again: both sentences are kept.
        await b.FillAsync("#text-0", "첫 번째 편집자가 고친 앵커 멘트입니다. 두 번째 편집자가 고친 앵커 멘트입니다.");
        await b.ClickAsync("#save");
        await Assertions.Expect(b.Locator("#notice")).ToBeVisibleAsync();
        var stored = JsonText(await GetAsync(api, id));
        Assert.Contains("첫 번째 편집자가 고친 앵커 멘트입니다. 두 번째 편집자가 고친 앵커 멘트입니다.", stored, StringComparison.Ordinal);
        Assert.Contains("두 번째 편집자의 새 제목", stored, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Draft_TypedIntoAndLeftAlone_IsAutosavedWithoutAClick(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var api = reporter.Api(server);
        var (id, version) = await CreateAsync(api);
        var page = await browser.SignedInAsync(server, reporter.Email, reporter.Password);
        await page.GotoAsync($"/newsroom/stories/edit/{id}");

        await page.Locator("#text-0").PressSequentiallyAsync(" 현장 연결합니다.");
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync($"v{version + 1}", new() { Timeout = 15_000 });

        var stored = await GetAsync(api, id);
        Assert.Equal(version + 1, stored["version"]!.GetValue<int>());
        Assert.Contains("현장 연결합니다.", JsonText(stored), StringComparison.Ordinal);
        Assert.Equal((version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("#form-version"));

        // A manual save after the autosave is based on the autosaved version, so it is not refused as stale.
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#notice")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#conflict").CountAsync());
    }

    [Fact]
    public async Task RecordingLength_SetThroughTheApi_ShowsInTheEditor_SurvivesASaveThere_AndATypoIsRefusedKeepingTheText()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var api = reporter.Api(server);
        var story = KoreanStory();
        story["segments"]![1]!["duration"] = 20;
        var (id, version) = await CreateAsync(api, story);
        var created = await GetAsync(api, id);
        Assert.Equal(20, created["story"]!["segments"]![1]!["duration"]!.GetValue<int>());
        Assert.Null(created["story"]!["segments"]![0]!["duration"]);

        var page = await browser.SignedInAsync(server, reporter.Email, reporter.Password);
        await page.GotoAsync($"/newsroom/stories/edit/{id}");
        Assert.Equal("0:20", await page.InputValueAsync("#duration-1"));
        Assert.Equal("", await page.InputValueAsync("#duration-0"));

        // An editor who only changes the headline keeps the soundbite's length.
        await page.FillAsync("#headline", "폭설로 출근길 혼잡…수도권 지하철 증편");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#notice")).ToBeVisibleAsync();
        var saved = await GetAsync(api, id);
        Assert.Equal(version + 1, saved["version"]!.GetValue<int>());
        Assert.Equal(20, saved["story"]!["segments"]![1]!["duration"]!.GetValue<int>());

        // 1:75 is a typo: refused with a reason, and what was typed stays in the form.
        await page.FillAsync("#duration-1", "1:75");
        await page.FillAsync("#text-0", "지하철 운행을 늘렸습니다.");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#problem")).ToContainTextAsync("녹화 길이는 분:초(1:30)나 초(90)로");
        Assert.Equal("지하철 운행을 늘렸습니다.", await page.InputValueAsync("#text-0"));
        Assert.Equal(version + 1, (await GetAsync(api, id))["version"]!.GetValue<int>());

        await page.FillAsync("#duration-1", "1:15");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#notice")).ToBeVisibleAsync();
        Assert.Equal(75, (await GetAsync(api, id))["story"]!["segments"]![1]!["duration"]!.GetValue<int>());

        // The API refuses a length no recording has.
        story["segments"]![1]!["duration"] = -5;
        var negative = await PutAsync(api, id, story, version + 2);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("duration", (await ReadAsync(negative))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> AddStaffAsync(IPage admin, string email, string role)
    {
        await admin.GotoAsync("/newsroom/admin/users");
        await admin.FillAsync("#new-email", email);
        await admin.CheckAsync($"#role-{role}");
        await admin.ClickAsync("#add-user-button");
        var password = (await admin.Locator("#one-time-secret").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrEmpty(password));
        await Assertions.Expect(admin.Locator("#staff")).ToContainTextAsync(email);
        return password;
    }

    /// <summary>The public page is cached until the outbox processor evicts it, a moment after the commit.</summary>
    private static Task ReloadUntilAsync(IPage page, string url, string selector) =>
        Eventually.UntilAsync($"{url} to show {selector}", async () =>
        {
            await page.GotoAsync(url);
            return await page.Locator(selector).CountAsync() > 0;
        });
}
