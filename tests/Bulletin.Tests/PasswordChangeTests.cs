using System.Net;
using Bulletin.Areas.Newsroom;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bulletin.Tests;

/// <summary>Staff change their own password, which asks for the current one and signs them out everywhere else.</summary>
public sealed class PasswordChangeTests
{
    [Fact]
    public async Task ChangePassword_InTheBrowser_NeedsTheCurrentOne_AndSignsOutTheOtherDevice()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var phone = await StaffSessionTests.SignedInAsync(server, reporter);
        const string chosen = "바다 위 수상버스 2026 첫차";

        var page = await browser.SignedInAsync(server, reporter.Email, reporter.Password);
        await page.ClickAsync("#my-account");
        await page.FillAsync("#current-password", "not my password");
        await page.FillAsync("#new-password", chosen);
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator("#password-problem")).ToContainTextAsync("지금 비밀번호가 맞지 않습니다");
        await phone.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, phone.LastStatus);

        await page.FillAsync("#current-password", reporter.Password);
        await page.FillAsync("#new-password", chosen);
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator("#password-message")).ToContainTextAsync("비밀번호를 바꿨습니다");

        // This browser carries on; the phone, signed in with the old password, is signed out.
        await page.GotoAsync("/newsroom");
        Assert.Equal("/newsroom", new Uri(page.Url).AbsolutePath);
        await phone.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, phone.LastStatus);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(server, reporter.Email, reporter.Password)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(server, reporter.Email, chosen)).Response.StatusCode);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "user.change-password" && a.Subject == "user:" + reporter.Email,
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPasswords_CountsTowardTheLockout()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:FailedSignInsBeforeLockout=3"]);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var stolen = await StaffSessionTests.SignedInAsync(server, reporter);

        for (var i = 0; i < 3; i++)
        {
            await stolen.PostAsync("/newsroom/account/password", "/newsroom/account/password",
                new() { ["CurrentPassword"] = "guess-" + i, ["NewPassword"] = "taken-over-for-good" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stolen.LastStatus);
        }

        // Locked now: even the right current password changes nothing.
        await stolen.PostAsync("/newsroom/account/password", "/newsroom/account/password",
            new() { ["CurrentPassword"] = reporter.Password, ["NewPassword"] = "taken-over-for-good" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stolen.LastStatus);
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(server, reporter.Email, "taken-over-for-good")).Response.StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhereElse_EndsTheOtherSessions_AndKeepsThisOne()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var laptop = await StaffSessionTests.SignedInAsync(server, reporter);
        using var phone = await StaffSessionTests.SignedInAsync(server, reporter);
        using var lostTablet = await StaffSessionTests.SignedInAsync(server, reporter);

        var before = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await laptop.GetAsync("/newsroom/account/password"));
        Assert.Equal(NewsroomText.OpenSessions.Format(Language.Korean, 3), before.QuerySelector("#open-sessions")!.TextContent);
        var after = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await laptop.PostAsync("/newsroom/account/password", "/newsroom/account/password?handler=signOutElsewhere", []));

        Assert.Equal(NewsroomText.OpenSessions.Format(Language.Korean, 1), after.QuerySelector("#open-sessions")!.TextContent);
        await laptop.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, laptop.LastStatus);
        foreach (var other in new[] { phone, lostTablet })
        {
            await other.GetAsync("/newsroom");
            Assert.Equal(HttpStatusCode.Redirect, other.LastStatus);
        }
    }
}
