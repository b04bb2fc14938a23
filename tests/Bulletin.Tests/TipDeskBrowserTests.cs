using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bulletin.Tests;

public sealed class TipDeskBrowserTests
{
    private const string TipText = "시청 앞 공사장에서 밤마다 폐기물을 몰래 버립니다. <img src=x onerror=alert(1)>";
    private const string Reply = "제보 감사합니다. 기자가 확인하고 있습니다.";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tipster_SendsAPhoto_TheDeskReplies_AndTheTipsterReadsItWithTheReceipt(DatabaseProvider provider)
    {
        var photo = Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg");
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var deskAccount = await StaffAccount.CreateAsync(server, "tips@test.example", StaffRoles.TipDesk);

        // The tipster, signed in to nothing, sends the tip with a GPS-tagged photo and keeps the receipt.
        var tipsterContext = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString().TrimEnd('/'),
            Locale = "ko-KR",
        });
        tipsterContext.SetDefaultTimeout(15_000);
        var tipster = await tipsterContext.NewPageAsync();
        await tipster.GotoAsync("/tips");
        await tipster.FillAsync("#tip-text", TipText);
        await tipster.SetInputFilesAsync("#tip-files", photo);
        await tipster.ClickAsync("form.tip-form button[type=submit]");
        var receipt = (await tipster.Locator(".receipt").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", receipt);

        // The desk finds it in the queue, opens it, starts a review and replies.
        var desk = await browser.SignedInAsync(server, deskAccount.Email, deskAccount.Password);
        await desk.GotoAsync("/newsroom/tips");
        await Assertions.Expect(desk.Locator("#tips a.tip-link")).ToContainTextAsync("시청 앞 공사장");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("tip-desk.png"), FullPage = true });
        await desk.ClickAsync("#tips a.tip-link");
        // The tipster's text is text: the markup in it shows as written and makes no element.
        await Assertions.Expect(desk.Locator("#tip-text")).ToHaveTextAsync(TipText);
        Assert.Equal(0, await desk.Locator("#tip-text img").CountAsync());
        await Assertions.Expect(desk.Locator(".tip-file .file-label")).ToContainTextAsync("정리됨: 이 파일에 위치·기기 정보가 있었습니다");
        await Assertions.Expect(desk.Locator(".tip-file .scrubbed-link")).ToHaveCountAsync(1);
        await Assertions.Expect(desk.Locator(".tip-file .original-form")).ToContainTextAsync("정리 안 됨: 게재 금지");
        await desk.ClickAsync("#action-review");
        await Assertions.Expect(desk.Locator("#tip-status")).ToHaveAttributeAsync("data-status", "reviewing");
        await desk.FillAsync("#reply-text", Reply);
        await desk.ClickAsync("#action-reply");
        await Assertions.Expect(desk.Locator("#tip-messages")).ToContainTextAsync(Reply);

        // The tipster enters the receipt and sees the status and the reply.
        await tipster.GotoAsync("/tips/receipt");
        await tipster.FillAsync("#tip-receipt", receipt);
        await tipster.Locator("form.tip-form:has(#tip-receipt) button[type=submit]").ClickAsync();
        await Assertions.Expect(tipster.Locator(".tip-status .status")).ToHaveTextAsync("검토 중");
        await Assertions.Expect(tipster.Locator(".tip-conversation .from-desk .body")).ToHaveTextAsync(Reply);
        await tipsterContext.DisposeAsync();
    }

    [Fact]
    public async Task TwoDeskMembers_OnOneTip_TheLaterOneIsToldItChanged_AndKeepsTheNoteTheyTyped()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var leeAccount = await StaffAccount.CreateAsync(server, "lee@test.example", StaffRoles.TipDesk);
        var parkAccount = await StaffAccount.CreateAsync(server, "park@test.example", StaffRoles.Editor);
        Guid id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Bulletin.Tips.TipIntake>()
                .ReceiveAsync(new Bulletin.Tips.TipSubmission(Core.Tips.TipChannel.Web, "다리 난간이 흔들립니다"), TestContext.Current.CancellationToken)).TipId;
        }

        var lee = await browser.SignedInAsync(server, leeAccount.Email, leeAccount.Password);
        var park = await browser.SignedInAsync(server, parkAccount.Email, parkAccount.Password);
        await lee.GotoAsync($"/newsroom/tips/tip/{id}");
        await park.GotoAsync($"/newsroom/tips/tip/{id}");

        await lee.ClickAsync("#action-review");
        await Assertions.Expect(lee.Locator("#tip-status")).ToHaveAttributeAsync("data-status", "reviewing");
        const string note = "PARK-NOTE 구청에 다시 확인할 것";
        await park.FillAsync("#note-text", note);
        var answer = await park.RunAndWaitForResponseAsync(() => park.ClickAsync("#action-note"),
            r => r.Request.Method == "POST" && r.Url.Contains("handler=note", StringComparison.Ordinal));

        Assert.Equal(409, answer.Status);
        await Assertions.Expect(park.Locator("#problem")).ToContainTextAsync("보고 있는 동안 데스크의 다른 사람이 이 제보를 바꿨습니다");
        await Assertions.Expect(park.Locator("#note-text")).ToHaveValueAsync(note);
        await Assertions.Expect(park.Locator("#tip-status")).ToHaveAttributeAsync("data-status", "reviewing");
        await Assertions.Expect(park.Locator("#tip-messages")).Not.ToContainTextAsync(note);

        // The page now shows the tip as it stands; sending the note again is based on that and is kept.
        await park.ClickAsync("#action-note");
        await Assertions.Expect(park.Locator("#tip-messages")).ToContainTextAsync(note);
        await Assertions.Expect(park.Locator("#problem")).ToHaveCountAsync(0);
    }
}
