using System.Net;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bulletin.Tests;

/// <summary>A staff session ends on the server: a copy of its cookie is worth nothing once it is over.</summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task SignOut_ClickedInTheBrowser_ACopyOfTheCookieTakenBeforeNoLongerOpensTheDesk()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);

        var page = await browser.SignedInAsync(server, editor.Email, editor.Password);
        var copied = string.Join("; ", (await page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        Assert.Equal(HttpStatusCode.OK, (await GetDeskAsync(server, copied)).StatusCode);

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom/signin");

        var replayed = await GetDeskAsync(server, copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/newsroom/signin", replayed.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisableAndResetPassword_ByAnAdmin_EndThatPersonsOpenSessionsAtOnce(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var leaving = await StaffAccount.CreateAsync(server, "leaving@test.example", StaffRoles.Reporter);
        var forgetful = await StaffAccount.CreateAsync(server, "forgetful@test.example", StaffRoles.Reporter);
        using var adminSession = await SignedInAsync(server, admin);
        using var leavingSession = await SignedInAsync(server, leaving);
        using var forgetfulSession = await SignedInAsync(server, forgetful);
        using var forgetfulPhone = await SignedInAsync(server, forgetful);
        Guid leavingId, forgetfulId;
        await using (var db = database.NewContext())
        {
            leavingId = await db.Users.Where(u => u.Email == leaving.Email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            forgetfulId = await db.Users.Where(u => u.Email == forgetful.Email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await adminSession.PostAsync("/newsroom/admin/users", $"/newsroom/admin/users?handler=disable&id={leavingId}&disabled=true", []);
        Assert.Equal(HttpStatusCode.Redirect, adminSession.LastStatus);
        await adminSession.PostAsync("/newsroom/admin/users", $"/newsroom/admin/users?handler=reset&id={forgetfulId}", []);
        Assert.Equal(HttpStatusCode.OK, adminSession.LastStatus);

        // The very next request, well inside the minute between security-stamp checks.
        foreach (var ended in new[] { leavingSession, forgetfulSession, forgetfulPhone })
        {
            await ended.GetAsync("/newsroom");
            Assert.Equal(HttpStatusCode.Redirect, ended.LastStatus);
            Assert.StartsWith("/newsroom/signin", ended.LastHeaders!.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        await adminSession.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, adminSession.LastStatus);
    }

    [Fact]
    public async Task SignIn_AsAnotherAccountOverAnOpenSession_EndsTheOldOne_AndDisablingTheNewAccountStillSignsItOut()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var first = await StaffAccount.CreateAsync(server, "first@test.example", StaffRoles.Reporter);
        var second = await StaffAccount.CreateAsync(server, "second@test.example", StaffRoles.Reporter);
        using var adminSession = await SignedInAsync(server, admin);
        using var shared = await SignedInAsync(server, first);

        // The shared computer signs in as someone else without signing out.
        await shared.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = second.Email, ["Password"] = second.Password });
        Assert.Equal(HttpStatusCode.Redirect, shared.LastStatus);

        var desk = await shared.GetAsync("/newsroom");
        Assert.Contains(second.Email, desk, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Email, desk, StringComparison.Ordinal);
        Guid secondId;
        await using (var db = database.NewContext())
        {
            secondId = await db.Users.Where(u => u.Email == second.Email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        await adminSession.PostAsync("/newsroom/admin/users", $"/newsroom/admin/users?handler=disable&id={secondId}&disabled=true", []);
        await shared.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, shared.LastStatus);
    }

    [Fact]
    public async Task Session_InUseAllDay_EndsAtItsAbsoluteLimit_AndOneLeftIdleEndsSooner()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:SessionIdleHours=12", "--Newsroom:SessionHours=16"],
            configure: builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var busy = await SignedInAsync(server, editor);
        using var idle = await SignedInAsync(server, editor);

        // Used every seven hours, the busy session never sits idle for twelve; at seventeen hours it is over all the same.
        foreach (var (hours, expected) in new[] { (7, HttpStatusCode.OK), (7, HttpStatusCode.OK), (3, HttpStatusCode.Redirect) })
        {
            clock.Advance(TimeSpan.FromHours(hours));
            await busy.GetAsync("/newsroom");
            Assert.Equal(expected, busy.LastStatus);
        }

        await idle.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, idle.LastStatus);
    }

    [Fact]
    public async Task SignIn_OnMoreBrowsersThanAPersonMayHave_EndsTheOldestSessionOnly()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--Newsroom:SignInAttemptsPerAccountPerMinute=100", "--Newsroom:SignInAttemptsPerClientPerMinute=200"]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        var sessions = new List<FormClient>();
        for (var i = 0; i < 21; i++)
        {
            sessions.Add(await SignedInAsync(server, editor));
        }

        var open = new List<HttpStatusCode>();
        foreach (var session in sessions)
        {
            await session.GetAsync("/newsroom");
            open.Add(session.LastStatus);
            session.Dispose();
        }

        Assert.Equal([HttpStatusCode.Redirect, .. Enumerable.Repeat(HttpStatusCode.OK, 20)], open);
        await using var db = database.NewContext();
        Assert.Equal(20, await db.UserTokens.CountAsync(t => t.LoginProvider == Bulletin.Staff.StaffSessions.Provider, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WithASessionCookiePlantedBeforehand_StartsANewSession_TheAttackersCopyOpensNothing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var attacker = await StaffAccount.CreateAsync(server, "intern@test.example", StaffRoles.Reporter);
        var victim = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var attackers = await SignedInAsync(server, attacker);
        var planted = attackers.Cookies.GetCookies(server.Address)["bulletin.staff"]!;

        // The victim's browser carries the attacker's session cookie when the victim signs in.
        using var victims = new FormClient(server);
        victims.Cookies.Add(server.Address, new Cookie(planted.Name, planted.Value));
        await victims.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = victim.Email, ["Password"] = victim.Password });
        Assert.Equal(HttpStatusCode.Redirect, victims.LastStatus);
        Assert.Contains(victim.Email, await victims.GetAsync("/newsroom"), StringComparison.Ordinal);
        Assert.NotEqual(planted.Value, victims.Cookies.GetCookies(server.Address)["bulletin.staff"]!.Value);

        // The copy the attacker kept opens neither the victim's desk nor, any longer, the attacker's own.
        var replayed = await GetDeskAsync(server, $"{planted.Name}={planted.Value}");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    internal static async Task<FormClient> SignedInAsync(BulletinServer server, StaffAccount account)
    {
        var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, session.LastStatus);
        await session.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, session.LastStatus);
        return session;
    }

    private static async Task<HttpResponseMessage> GetDeskAsync(BulletinServer server, string cookieHeader)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/newsroom");
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
