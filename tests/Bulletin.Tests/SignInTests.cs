using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class SignInTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIn_AfterRepeatedWrongPasswords_LocksThatAccountOnly(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var target = await StaffAccount.CreateAsync(server, "target@test.example", StaffRoles.Reporter);
        var colleague = await StaffAccount.CreateAsync(server, "colleague@test.example", StaffRoles.Editor);

        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(server, target.Email, "wrong-password-" + i);
        }

        var (lockedOut, lockedPage) = await SignInAsync(server, target.Email, target.Password);
        var (other, _) = await SignInAsync(server, colleague.Email, colleague.Password);

        Assert.Equal(HttpStatusCode.OK, lockedOut.StatusCode);
        Assert.Contains("잠", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/newsroom", other.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_ManyAttemptsAtOneAccount_AreThrottledWithoutTouchingOthers()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--Newsroom:SignInAttemptsPerAccountPerMinute=3", "--Newsroom:FailedSignInsBeforeLockout=100"]);
        var colleague = await StaffAccount.CreateAsync(server, "colleague@test.example", StaffRoles.Editor);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SignInAsync(server, "someone@test.example", "guess-" + i)).Response.StatusCode);
        }

        var (other, _) = await SignInAsync(server, colleague.Email, colleague.Password);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_ManyAttemptsFromOneClient_AreThrottledWhateverTheAccount()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:SignInAttemptsPerClientPerMinute=6"]);

        // Each attempt is two requests (the form, then the post): the fourth attempt's post is the seventh.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SignInAsync(server, $"person{i}@test.example", "guess")).Response.StatusCode);
        }

        using var client = new HttpClient { BaseAddress = server.Address };
        var fourth = await client.GetAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    [Fact]
    public async Task NewsroomPages_WithoutSignIn_RedirectToSignIn_AndPostsWithoutAntiforgeryAreRefused()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var desk = await client.GetAsync(new Uri("/newsroom", UriKind.Relative), TestContext.Current.CancellationToken);
        var users = await client.GetAsync(new Uri("/newsroom/admin/users", UriKind.Relative), TestContext.Current.CancellationToken);
        var forged = await client.PostAsync("/newsroom/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@test.example", ["Password"] = "x" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/newsroom/signin", desk.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownAccountAndWrongPassword_GetTheSameAnswer_InAboutTheSameTime()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings:
        [
            "--Newsroom:SignInAttemptsPerClientPerMinute=1000", "--Newsroom:SignInAttemptsPerAccountPerMinute=1000",
            "--Newsroom:FailedSignInsBeforeLockout=1000",
        ]);
        var known = await StaffAccount.CreateAsync(server, "known@test.example", StaffRoles.Editor);

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        var answers = new HashSet<string>();
        for (var i = 0; i < 13; i++)
        {
            // Taken in turns, so a slow moment of the machine falls on both alike; the first round warms up.
            var (unknownMs, unknownAnswer) = await TimedSignInAsync(server, "nobody-here@test.example", "a-wrong-password");
            var (knownMs, knownAnswer) = await TimedSignInAsync(server, known.Email, "a-wrong-password");
            if (i > 0)
            {
                unknownTimes.Add(unknownMs);
                knownTimes.Add(knownMs);
            }

            answers.Add(unknownAnswer);
            answers.Add(knownAnswer);
        }

        // One status and one message for both.
        Assert.Single(answers);
        var unknownMedian = unknownTimes.Order().ElementAt(unknownTimes.Count / 2);
        var knownMedian = knownTimes.Order().ElementAt(knownTimes.Count / 2);
        // Skipping the password hash for unknown accounts makes them answer in a fraction of the time.
        Assert.True(unknownMedian > knownMedian * 0.6 && knownMedian > unknownMedian * 0.6,
            $"median answer: unknown account {unknownMedian:F1} ms, wrong password {knownMedian:F1} ms");
    }

    [Fact]
    public async Task SignIn_Failures_AreInTheAuditLog_WithTheAccountTriedTheReasonAndTheNetwork_ButNoUnknownNameOrFullAddress()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);

        await SignInAsync(server, reporter.Email, "not-the-password");
        await SignInAsync(server, "ghost@test.example", "whatever-it-is");
        await SignInAsync(server, " GHOST@test.example", "whatever-else");
        using var session = await StaffSessionTests.SignedInAsync(server, admin);
        var log = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/audit?q=sign-in-failed"));

        var rows = log.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("user:reporter@test.example", StringComparison.Ordinal)
            && r.Contains("wrong password", StringComparison.Ordinal) && r.Contains("from 127.0.0.0/24", StringComparison.Ordinal));
        // A name that is no account may be a password typed in the wrong box: only a mark of it is kept, the same
        // for the same name however it was spelled, so that repeated tries still show.
        var unknown = rows.Where(r => r.Contains("unknown account", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, unknown.Count);
        var mark = System.Text.RegularExpressions.Regex.Match(unknown[0], "user:unknown [0-9a-f]{10}").Value;
        Assert.NotEmpty(mark);
        Assert.All(unknown, r => Assert.Contains(mark, r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("ghost", r, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.DoesNotContain("127.0.0.1", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("not-the-password", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lockout_BroughtOnByAStranger_NeverKeepsTheAdminOutOfTheirOwnBrowser_AndTheAdminLiftsAReportersLockout()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:SignInAttemptsPerClientPerMinute=100"]);
        await using var browser = await Browser.LaunchAsync();
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        var page = await browser.SignedInAsync(server, admin.Email, admin.Password);
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom/signin");

        // Someone else fails on purpose at both accounts until they lock; then even the right password is refused there.
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(server, admin.Email, "wrong-" + i);
            await SignInAsync(server, reporter.Email, "wrong-" + i);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(server, admin.Email, admin.Password)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(server, reporter.Email, reporter.Password)).Response.StatusCode);

        // The admin's own browser, which has signed in here before, still gets in.
        await page.FillAsync("#email", admin.Email);
        await page.FillAsync("#password", admin.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom");

        // The admin sees the reporter's lockout and lifts it.
        await page.GotoAsync("/newsroom/admin/users");
        var row = page.Locator("#staff tr[data-email='reporter@test.example']");
        await Microsoft.Playwright.Assertions.Expect(row.Locator(".locked")).ToContainTextAsync("로그인 실패로");
        await row.Locator("button.unlock").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(row.Locator(".locked")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(server, reporter.Email, reporter.Password)).Response.StatusCode);
    }

    /// <summary>How long the sign-in post takes to answer, and the answer (status and problem shown).</summary>
    private static async Task<(double Milliseconds, string Answer)> TimedSignInAsync(BulletinServer server, string email, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };
        var form = await client.GetStringAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/newsroom/signin", body, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var problem = new HtmlParser().ParseDocument(html).QuerySelector("p.problem")?.TextContent ?? "(no problem shown)";
        return (elapsed, $"{(int)response.StatusCode} {problem}");
    }

    /// <summary>Signs in as a browser would: fetches the form for its antiforgery token, then posts it.</summary>
    internal static async Task<(HttpResponseMessage Response, string Page)> SignInAsync(BulletinServer server, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        var form = await client.GetStringAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/newsroom/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
