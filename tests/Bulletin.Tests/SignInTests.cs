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
