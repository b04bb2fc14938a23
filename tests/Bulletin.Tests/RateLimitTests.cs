using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Bulletin.Data;

namespace Bulletin.Tests;

/// <summary>
/// Every rate-limited route, tried the way an attacker would: after its 429, the same client tries every other
/// spelling of the address (a trailing slash, another case, the other edition) and gets 429 there too; each surface
/// answers in its own words, with Retry-After.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly string[] TipFormPaths = ["/tips", "/tips/", "/en/tips", "/en/tips/", "/TIPS", "/En/Tips/"];
    private static readonly string[] ReceiptPaths = ["/tips/receipt", "/tips/receipt/", "/en/tips/receipt", "/en/tips/receipt/", "/Tips/Receipt"];

    [Fact]
    public async Task TipForm_AfterItsLimit_RefusesEverySpellingOfItsAddress_InThePagesLanguage()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:SubmissionsPerWindow=2"]);
        using var attacker = TipTestKit.ClientFrom(server.Address, "127.0.0.2");

        var accepted = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            accepted.Add((await TipTestKit.PostAsync(attacker, TipFormPaths[i], TipTestKit.TipForm($"tip {i}"))).Response.StatusCode);
        }

        var refused = new Dictionary<string, HttpResponseMessage>();
        foreach (var path in TipFormPaths)
        {
            refused[path] = (await TipTestKit.PostAsync(attacker, path, TipTestKit.TipForm("one more from " + path))).Response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], accepted);
        foreach (var (path, response) in refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"POST {path} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"POST {path} has no Retry-After");
        }

        Assert.Contains("Too many requests", await HeadingAsync(refused["/en/tips/"]), StringComparison.Ordinal);
        Assert.Contains("요청이 너무 많습니다", await HeadingAsync(refused["/tips/"]), StringComparison.Ordinal);
        // Reading the form is not limited, and another client still sends tips.
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync(new Uri("/en/tips/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        using var other = TipTestKit.ClientFrom(server.Address, "127.0.0.3");
        var (otherAnswer, otherPage) = await TipTestKit.PostAsync(other, "/en/tips/", TipTestKit.TipForm("a real tip"));
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        Assert.NotNull(otherPage.QuerySelector(".receipt"));
        await using var db = database.NewContext();
        Assert.Equal(3, db.ReaderTips.Count());
    }

    [Fact]
    public async Task ReceiptCheck_AfterItsLimit_RefusesEverySpellingOfItsAddress()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--Tips:SubmissionsPerWindow=1", "--Tips:ReceiptIterations=100000"]);
        using var attacker = TipTestKit.ClientFrom(server.Address, "127.0.0.2");

        var answered = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await TipTestKit.CheckReceiptAsync(attacker, $"{i:D4}-0000-0000-0000-0000", path: ReceiptPaths[i % 2]);
            answered.Add(response.StatusCode);
        }

        var refused = new Dictionary<string, HttpResponseMessage>();
        foreach (var path in ReceiptPaths)
        {
            refused[path] = (await TipTestKit.CheckReceiptAsync(attacker, "9999-0000-0000-0000-0000", path: path)).Response;
        }

        Assert.All(answered, a => Assert.Equal(HttpStatusCode.OK, a));
        foreach (var (path, response) in refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"POST {path} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"POST {path} has no Retry-After");
        }

        Assert.Contains("Too many requests", await HeadingAsync(refused["/en/tips/receipt/"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicApi_AfterItsLimit_AnswersAProblemWithRetryAfter_OnEverySpelling()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--PublicApi:RequestsPerMinute=2"]);
        using var client = new HttpClient { BaseAddress = server.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/public/stories", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/public/search?q=x", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/public/stories/"), (HttpMethod.Get, "/API/Public/Stories"), (HttpMethod.Head, "/api/public/stories") })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{method} {path} has no Retry-After");
            if (method == HttpMethod.Get)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task SignIn_AfterTheClientsLimit_RefusesEverySpelling_InTheNewsroomsLanguage()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:SignInAttemptsPerClientPerMinute=2"]);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("Cookie", "bulletin.ui=en");

        var first = await client.GetAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetAsync(new Uri("/newsroom/signin/", UriKind.Relative), TestContext.Current.CancellationToken);
        var refused = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/newsroom/signin", "/newsroom/signin/", "/Newsroom/SignIn" })
        {
            refused.Add(await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero));
        Assert.Contains("Too many requests", await HeadingAsync(refused[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredSender_IsIgnored_SoItCannotEscapeItsBucket()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--PublicApi:RequestsPerMinute=2"]);
        using var client = new HttpClient { BaseAddress = server.Address };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await GetFromAsync(client, "/api/public/stories", $"203.0.113.{i + 1}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_GivesEachClientItsOwnBucket()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--PublicApi:RequestsPerMinute=2", "--Hosting:KnownProxies:0=127.0.0.1"]);
        using var client = new HttpClient { BaseAddress = server.Address };

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await GetFromAsync(client, "/api/public/stories", "203.0.113.7"));
        }

        // A client that puts its own X-Forwarded-For before the proxy's is still counted by the address the proxy saw.
        var spoofed = await GetFromAsync(client, "/api/public/stories", "198.51.100.1, 203.0.113.7");
        var second = await GetFromAsync(client, "/api/public/stories", "203.0.113.8");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    private static async Task<HttpStatusCode> GetFromAsync(HttpClient client, string path, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<string> HeadingAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HtmlParser().ParseDocument(html).QuerySelector("h1")?.TextContent ?? $"(no heading in: {html[..Math.Min(html.Length, 300)]})";
    }
}
