using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Bulletin.Tests;

/// <summary>Staff API tokens: made by their owner with the password, shown once, listed, and revoked at once by owner or admin.</summary>
public sealed class AccessTokenTests
{
    [Fact]
    public async Task Token_MadeByItsOwnerInTheBrowser_IsShownOnce_AndStopsOnItsNextCallWhenRevoked()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await using var browser = await Browser.LaunchAsync();
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        var page = await browser.SignedInAsync(server, reporter.Email, reporter.Password);

        await page.ClickAsync("#my-account");
        await page.ClickAsync("#my-tokens");
        await page.FillAsync("#token-name", "wire uploader");
        await page.FillAsync("#current-password", "someone else at this desk");
        await page.ClickAsync("#issue-token");
        await Assertions.Expect(page.Locator("#token-problem")).ToContainTextAsync("지금 비밀번호가 맞지 않습니다");
        await Assertions.Expect(page.Locator("#one-time-token")).ToHaveCountAsync(0);

        await page.FillAsync("#token-name", "wire uploader");
        await page.FillAsync("#current-password", reporter.Password);
        await page.ClickAsync("#issue-token");
        var token = (await page.Locator("#one-time-token").TextContentAsync())!;
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, token));

        // Listed by name from now on, never shown again.
        await page.GotoAsync("/newsroom/account/tokens");
        await Assertions.Expect(page.Locator("#one-time-token")).ToHaveCountAsync(0);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("#tokens tr[data-token-name='wire uploader']");
        await Assertions.Expect(row.Locator(".token-state")).ToHaveTextAsync("사용 중");

        await row.Locator("button.revoke-token").ClickAsync();
        await Assertions.Expect(row.Locator(".token-state")).ToContainTextAsync("폐기됨");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(server, token));
        await using var db = database.NewContext();
        var audited = await db.AuditLog.Where(a => a.Subject == "user:" + reporter.Email && a.Detail == "wire uploader")
            .Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["token.issue", "token.revoke"], audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Token_OfAnotherPerson_IsListedAndRevokedByAnAdmin_AndNoTokenOpensTheSessionOnlyPages()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        Guid editorId, tokenId;
        await using (var db = database.NewContext())
        {
            editorId = await db.Users.Where(u => u.Email == editor.Email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            tokenId = await db.AccessTokens.Where(t => t.UserId == editorId).Select(t => t.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        // An admin's token is no key to the pages that manage accounts and tokens: those take a signed-in person.
        using var adminApi = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
        adminApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
        foreach (var path in new[] { "/newsroom/admin/users", $"/newsroom/admin/tokens?id={editorId}", "/newsroom/account/tokens", "/newsroom/account/password" })
        {
            using var response = await adminApi.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/newsroom/signin", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }

        using var session = await StaffSessionTests.SignedInAsync(server, admin);
        var list = await session.GetAsync($"/newsroom/admin/tokens?id={editorId}");
        Assert.Contains("data-token-name=\"test\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, editor.Token));

        await session.PostAsync($"/newsroom/admin/tokens?id={editorId}", $"/newsroom/admin/tokens?handler=revoke&id={editorId}&token={tokenId}", []);
        Assert.Equal(HttpStatusCode.Redirect, session.LastStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(server, editor.Token));
        // The admin's own token is untouched.
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, admin.Token));
    }

    [Fact]
    public async Task ReadOnlyToken_FromTheCommandLine_ReadsButCannotWrite_AndEndsOnItsDay()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);

        var refused = await BulletinCli.RunAsync(database, "users", "token", "--email", editor.Email, "--scope", "admin");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("admin", refused.Error, StringComparison.Ordinal);
        var tooLong = await BulletinCli.RunAsync(database, "users", "token", "--email", editor.Email, "--days", "0");
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("--days", tooLong.Error, StringComparison.Ordinal);

        var made = await BulletinCli.RunAsync(database, "users", "token", "--email", editor.Email, "--token-name", "dashboard",
            "--scope", "read", "--days", "7");
        Assert.Equal(0, made.ExitCode);
        var token = made.Output.Trim();
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, token));

        // The editor's roles would let them create a story; the token may not, and nothing is made.
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var create = await client.PostAsJsonAsync(new Uri("/api/newsroom/stories", UriKind.Relative),
            NewsroomApi.KoreanStory("읽기 전용 토큰"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("read only", await create.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var withWriteToken = editor.Api(server);
        await NewsroomApi.CreateAsync(withWriteToken, NewsroomApi.KoreanStory("쓰기 토큰"));

        await using (var db = database.NewContext())
        {
            Assert.Equal(["쓰기 토큰"], await db.Stories.Select(s => s.Headline).ToListAsync(TestContext.Current.CancellationToken));
            var row = await db.AccessTokens.SingleAsync(t => t.Name == "dashboard", TestContext.Current.CancellationToken);
            Assert.Equal(AccessTokenScope.Read, row.Scope);
            Assert.InRange(row.ExpiresAt!.Value - row.CreatedAt, TimeSpan.FromDays(7), TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)));
            Assert.Single(await db.AuditLog.Where(a => a.Action == "token.issue" && a.Detail!.StartsWith("dashboard (read only, ends "))
                .ToListAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Token_PastItsEndDate_IsRefused_AndShownAsExpiredToItsOwner()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        string token;
        await using (var db = database.NewContext())
        {
            // A one-day token made two days ago, as the tokens page would have made it then.
            var userId = await db.Users.Where(u => u.Email == reporter.Email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            var made = TimeProvider.System.GetUtcNow().AddDays(-2);
            (token, var expired) = AccessToken.Issue(userId, "yesterday's job", made, AccessTokenScope.Write, made.AddDays(1));
            db.AccessTokens.Add(expired);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(server, token));
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, reporter.Token));

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignedInAsync(server, reporter.Email, reporter.Password);
        await page.GotoAsync("/newsroom/account/tokens");
        var row = page.Locator("#tokens tr[data-token-name=\"yesterday's job\"]");
        await Assertions.Expect(row.Locator(".token-state")).ToContainTextAsync("만료됨");
        await Assertions.Expect(row.Locator("button.revoke-token")).ToHaveCountAsync(0);

        // A new read-only token for thirty days, chosen on the page.
        await page.FillAsync("#token-name", "monitor");
        await page.SelectOptionAsync("#token-scope", "read");
        await page.SelectOptionAsync("#token-days", "30");
        await page.FillAsync("#current-password", reporter.Password);
        await page.ClickAsync("#issue-token");
        var monitor = (await page.Locator("#one-time-token").TextContentAsync())!;
        Assert.Equal(HttpStatusCode.NotFound, await CallApiAsync(server, monitor));
        var listed = page.Locator("#tokens tr[data-token-name='monitor']");
        await Assertions.Expect(listed.Locator(".token-scope")).ToHaveTextAsync("읽기만");
        await Assertions.Expect(listed.Locator(".token-state")).ToContainTextAsync("까지");
    }

    /// <summary>A call a live token of any role may make: an unknown story, so 404 when the token works, 401 when not.</summary>
    private static async Task<HttpStatusCode> CallApiAsync(BulletinServer server, string token)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri($"/api/newsroom/stories/{Guid.CreateVersion7()}", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
