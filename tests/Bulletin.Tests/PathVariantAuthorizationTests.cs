using System.Net;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// Authorisation belongs to the endpoint, not to a spelling of its path: the admin, desk and tip pages and the staff
/// API, asked for with doubled slashes, dot segments (encoded or not), a ;jsessionid, another case or a trailing
/// slash, or with a method-override header, give a stranger and a reporter no more than the plain path does.
/// </summary>
public sealed class PathVariantAuthorizationTests
{
    private static readonly string[] Protected =
    [
        "/newsroom/admin/users", "/newsroom/admin/audit", "/newsroom/admin/sections", "/newsroom/desk/banner",
        "/newsroom/desk/picks", "/newsroom/tips",
    ];

    private static IEnumerable<string> Variants(string path)
    {
        var inner = path["/newsroom".Length..];
        yield return path;
        yield return "/" + path;
        yield return path.Replace("/newsroom/", "/newsroom//", StringComparison.Ordinal);
        yield return path + "/";
        yield return path.ToUpperInvariant();
        yield return path + ";jsessionid=0123456789";
        yield return "/newsroom/./" + inner.TrimStart('/');
        yield return "/newsroom/%2e/" + inner.TrimStart('/');
        yield return "/public/../newsroom" + inner;
        yield return "/public/%2e%2e/newsroom" + inner;
        yield return "/en/../newsroom" + inner;
        yield return "/newsroom" + inner.Replace("/", "%2f", StringComparison.Ordinal);
        yield return path + "%00";
        yield return path + "?handler=../../admin";
    }

    [Fact]
    public async Task ProtectedPages_UnderEverySpelling_ArePlainRefusalsForAStrangerAndAReporter()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var session = await StaffSessionTests.SignedInAsync(server, reporter);
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
        // The reporter's browser: the signed-in session's cookies, sending each spelling exactly as written.
        using var signedIn = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = session.Cookies }) { BaseAddress = server.Address };

        var let = new List<string>();
        foreach (var path in Protected.SelectMany(Variants))
        {
            foreach (var (who, client) in new[] { ("stranger", stranger), ("reporter", signedIn) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, server.Address.GetLeftPart(UriPartial.Authority) + path);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                if (!Refused(response.StatusCode, response.Headers.Location))
                {
                    let.Add($"{who} {path}: {(int)response.StatusCode}");
                }
            }
        }

        // The same session does reach its own pages: the refusals above are about the paths, not a dead session.
        using var desk = await signedIn.GetAsync(new Uri("/newsroom", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);

        Assert.True(let.Count == 0, "let through: " + string.Join(" | ", let));
    }

    [Fact]
    public async Task StaffApi_WithMethodOverrideHeadersAndPathSpellings_DoesOnlyWhatTheRealMethodAndRoleAllow()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var editorApi = editor.Api(server);
        using var reporterApi = reporter.Api(server);
        var (id, _) = await CreateAsync(editorApi);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(editorApi, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(editorApi, id, "approve")).StatusCode);

        // A reporter may not publish, however the request is dressed up.
        foreach (var header in new[] { "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override" })
        {
            foreach (var path in new[] { $"/api/newsroom/stories/{id}/publish", $"/api/newsroom//stories/{id}/publish",
                $"/API/NEWSROOM/STORIES/{id}/PUBLISH", $"/api/newsroom/stories/{id}/publish/", $"/api/newsroom/stories/{id}/./publish" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, server.Address.GetLeftPart(UriPartial.Authority) + path);
                request.Headers.TryAddWithoutValidation(header, "GET");
                using var response = await reporterApi.SendAsync(request, cancellationToken);
                Assert.False(response.IsSuccessStatusCode, $"{header} {path}: {(int)response.StatusCode}");
            }

            // A GET with an override header is still a GET: it reads and changes nothing.
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/newsroom/stories/{id}");
            get.Headers.TryAddWithoutValidation(header, "DELETE");
            using var read = await reporterApi.SendAsync(get, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var stored = await GetAsync(editorApi, id);
        Assert.Equal("approved", stored["status"]!.GetValue<string>());

        // No spelling of a staff API path answers a caller without a token.
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        foreach (var path in new[] { $"/api/newsroom/stories/{id}", $"//api/newsroom/stories/{id}", $"/api/newsroom//stories/{id}",
            $"/API/newsroom/stories/{id}", $"/api/newsroom/stories/{id};jsessionid=1", $"/api/public/../newsroom/stories/{id}",
            $"/api/public/%2e%2e/newsroom/stories/{id}", "/api/newsroom/tips", "/api/newsroom/search?q=a" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, server.Address.GetLeftPart(UriPartial.Authority) + path);
            using var response = await anonymous.SendAsync(request, cancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
                $"{path}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A refusal: to the sign-in or denied page, or a 4xx. A 200 or a redirect elsewhere is not.</summary>
    private static bool Refused(HttpStatusCode status, Uri? location) =>
        (int)status is >= 400 and < 500
        || (status == HttpStatusCode.Redirect && location is not null
            && (location.PathAndQuery().StartsWith("/newsroom/signin", StringComparison.OrdinalIgnoreCase)
                || location.PathAndQuery().StartsWith("/newsroom/denied", StringComparison.OrdinalIgnoreCase)));
}
