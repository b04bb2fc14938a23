using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;

namespace Bulletin.Tests;

/// <summary>What every kind of page and answer sends: a CSP without inline code, no framing, no sniffing, no-store for staff; __Host- cookies over HTTPS.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task PublicPagesFeedsAndApi_SendCspWithoutInline_NoFraming_NoSniffing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var server = await BulletinServer.StartAsync(database, demo: true);
        var home = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var story = new HtmlParser().ParseDocument(home).QuerySelector("a[href^='/news/']")!.GetAttribute("href")!;

        foreach (var path in new[] { "/", "/en", "/section/politics", story, "/search?q=x", "/tips", "/en/tips/receipt", "/no-such-page", "/rss.xml", "/api/public/stories" })
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{path} sends no Content-Security-Policy");
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }
    }

    [Fact]
    public async Task StaffPages_IncludingTheUsersPage_SendCspWithoutInline_AndNoStore()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var server = await BulletinServer.StartAsync(database, demo: true);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin, StaffRoles.Editor);
        using var browser = new FormClient(server);
        await browser.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = admin.Email, ["Password"] = admin.Password });
        Assert.Equal(HttpStatusCode.Redirect, browser.LastStatus);

        foreach (var path in new[] { "/newsroom", "/newsroom/stories/edit", "/newsroom/admin/users", "/newsroom/admin/audit", "/newsroom/tips", "/newsroom/desk/banner" })
        {
            await browser.GetAsync(path);
            Assert.True(browser.LastStatus == HttpStatusCode.OK, $"{path} answered {(int)browser.LastStatus}");
            var csp = string.Join(",", browser.LastHeaders!.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("no-store", browser.LastHeaders.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(",", browser.LastHeaders.GetValues("X-Content-Type-Options")));
        }

        using var api = admin.Api(server);
        using var apiAnswer = await api.GetAsync(new Uri("/api/newsroom/stories", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("no-store", apiAnswer.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        using var signIn = await server.Client.GetAsync(new Uri("/newsroom/signin", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("no-store", signIn.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_OverHttpsFromAConfiguredProxy_AreHostPrefixedAndSecure_ButNotForAnUnknownSender()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var proxied = await BulletinServer.StartAsync(database, settings: ["--Hosting:KnownProxies:0=127.0.0.1"]);
        var admin = await StaffAccount.CreateAsync(proxied, "admin@test.example", StaffRoles.Admin);

        var (formCookies, token) = await SignInFormAsync(proxied, https: true);
        var antiforgery = formCookies.Single(c => c.Contains("bulletin.af=", StringComparison.Ordinal));
        var signIn = await SignInAsync(proxied, https: true, formCookies, token, admin);
        var staff = signIn.Single(c => c.Contains("bulletin.staff=", StringComparison.Ordinal));

        Assert.StartsWith("__Host-bulletin.af=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("__Host-bulletin.staff=", staff, StringComparison.Ordinal);
        Assert.Contains("secure", staff, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", staff, StringComparison.OrdinalIgnoreCase);
        // The cookie that lets this browser past a stranger's lockout is as hard to plant or read as the session's.
        var device = signIn.Single(c => c.Contains("bulletin.device=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-bulletin.device=", device, StringComparison.Ordinal);
        Assert.Contains("secure", device, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", device, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", device, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", device, StringComparison.OrdinalIgnoreCase);

        // Plain HTTP (development, the tests): the same cookies without the prefix, and sign-in works.
        var (plainCookies, plainToken) = await SignInFormAsync(proxied, https: false);
        var plain = await SignInAsync(proxied, https: false, plainCookies, plainToken, admin);
        Assert.StartsWith("bulletin.af=", plainCookies.Single(c => c.Contains("bulletin.af=", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("bulletin.staff=", plain.Single(c => c.Contains("bulletin.staff=", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Without a configured proxy, anyone's X-Forwarded-Proto is ignored.
        await using var database2 = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var direct = await BulletinServer.StartAsync(database2);
        var (directCookies, _) = await SignInFormAsync(direct, https: true);
        var directAntiforgery = directCookies.Single(c => c.Contains("bulletin.af=", StringComparison.Ordinal));
        Assert.StartsWith("bulletin.af=", directAntiforgery, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", directAntiforgery, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(List<string> Cookies, string Token)> SignInFormAsync(BulletinServer server, bool https)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/newsroom/signin", UriKind.Relative));
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return ([.. response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []], token);
    }

    private static async Task<List<string>> SignInAsync(BulletinServer server, bool https, List<string> cookies, string token, StaffAccount account)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/newsroom/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = account.Email,
                ["Password"] = account.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return [.. response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []];
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
