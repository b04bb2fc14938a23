using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>The tip desk's staff API and pages, over real HTTP: who may use them, what they answer, that files come scrubbed.</summary>
public sealed class TipDeskApiTests
{
    private const string GpsPhoto = "security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TipAction_WhenAnotherDeskMemberActedFirst_AnswersConflict_AndLosesNothing(DatabaseProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var lee = (await StaffAccount.CreateAsync(server, "lee@test.example", StaffRoles.TipDesk)).Api(server);
        using var park = (await StaffAccount.CreateAsync(server, "park@test.example", StaffRoles.Editor)).Api(server);
        Guid id;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<TipIntake>()
                .ReceiveAsync(new TipSubmission(TipChannel.Web, "다리 난간이 흔들립니다"), cancellationToken)).TipId;
        }

        // Both open the tip and see the same version.
        var seenByLee = await VersionAsync(lee, id);
        var seenByPark = await VersionAsync(park, id);
        Assert.Equal(seenByLee, seenByPark);

        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(lee, id, "notes", new { text = "LEE-NOTE 현장 확인함" }, seenByLee)).StatusCode);
        var declined = await ActAsync(park, id, "decline", null, seenByPark);
        var noted = await ActAsync(park, id, "notes", new { text = "PARK-NOTE 보류 의견" }, seenByPark);

        Assert.Equal(HttpStatusCode.Conflict, declined.StatusCode);
        Assert.Equal("application/problem+json", declined.Content.Headers.ContentType?.MediaType);
        var problem = await declined.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal("Changed by someone else", problem.GetProperty("title").GetString());
        Assert.Contains("Nothing of yours was saved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, noted.StatusCode);
        var tip = await lee.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{id}", cancellationToken);
        Assert.Equal("new", tip.GetProperty("status").GetString());
        var bodies = tip.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.Equal(["LEE-NOTE 현장 확인함"], bodies);

        // Looking again and repeating the action works.
        var current = await VersionAsync(park, id);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(park, id, "decline", null, current)).StatusCode);

        // Without a version, desk members racing on one tip get 204 or 409, never a 500, and every note answered 204 is kept.
        var racing = Enumerable.Range(0, 12).Select(async n =>
        {
            var text = $"RACE-{n}";
            var response = await ActAsync(n % 2 == 0 ? lee : park, id, "notes", new { text }, null);
            return (text, response.StatusCode);
        }).ToList();
        var answers = await Task.WhenAll(racing);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, $"{a.text}: {(int)a.StatusCode}"));
        var after = await lee.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{id}", cancellationToken);
        var kept = after.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).Where(b => b!.StartsWith("RACE-", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(answers.Where(a => a.StatusCode == HttpStatusCode.NoContent).Select(a => a.text).Order(), kept);
        Assert.Equal("declined", after.GetProperty("status").GetString());
    }

    private static async Task<string> VersionAsync(HttpClient client, Guid id) =>
        $"\"{(await client.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{id}", TestContext.Current.CancellationToken)).GetProperty("version").GetInt32()}\"";

    /// <summary>An action with the version the caller saw as If-Match, as a client that read the tip sends it.</summary>
    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/newsroom/tips/{id}/{action}", UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TipsApi_ListsNewestFirst_ShowsOneTip_AndServesOnlyTheScrubbedFile(DatabaseProvider provider)
    {
        var photo = Samples.Require(GpsPhoto);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var desk = await StaffAccount.CreateAsync(server, "tips@test.example", StaffRoles.TipDesk);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);

        var (response, page) = await TipTestKit.PostAsync(server.Client, "/tips", TipTestKit.TipForm("첫 번째 제보: 사진 첨부", null, photo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".receipt"));
        Guid second, third;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<TipIntake>();
            second = (await intake.LogCallAsync("두 번째 제보: 전화", "010-1234-5678", mayContact: true, mayCredit: false, cancellationToken)).TipId;
            third = (await intake.ReceiveAsync(new TipSubmission(TipChannel.Web, "세 번째 제보 <b>굵게</b>"), cancellationToken)).TipId;
        }

        using var api = desk.Api(server);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/newsroom/tips", cancellationToken);
        var tips = list.GetProperty("tips").EnumerateArray().ToList();
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(third, tips[0].GetProperty("id").GetGuid());
        Assert.Equal(second, tips[1].GetProperty("id").GetGuid());
        Assert.Equal("phone", tips[1].GetProperty("channel").GetString());
        var first = tips[2].GetProperty("id").GetGuid();

        var phones = await api.GetFromJsonAsync<JsonElement>("/api/newsroom/tips?channel=phone", cancellationToken);
        Assert.Equal(second, Assert.Single(phones.GetProperty("tips").EnumerateArray()).GetProperty("id").GetGuid());
        var found = await api.GetFromJsonAsync<JsonElement>("/api/newsroom/tips?q=" + Uri.EscapeDataString("사진"), cancellationToken);
        Assert.Equal(first, Assert.Single(found.GetProperty("tips").EnumerateArray()).GetProperty("id").GetGuid());

        var tip = await api.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{first}", cancellationToken);
        Assert.Equal(first, tip.GetProperty("id").GetGuid());
        Assert.Equal("web", tip.GetProperty("channel").GetString());
        Assert.Equal("new", tip.GetProperty("status").GetString());
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", tip.GetProperty("receivedOn").GetString());
        Assert.Equal("첫 번째 제보: 사진 첨부", tip.GetProperty("text").GetString());
        var attachment = Assert.Single(tip.GetProperty("attachments").EnumerateArray());
        Assert.Equal("tip_photo_gps_exif_xmp_iptc_le.jpg", attachment.GetProperty("name").GetString());
        Assert.Equal("image/jpeg", attachment.GetProperty("contentType").GetString());
        var url = attachment.GetProperty("url").GetString()!;
        Assert.StartsWith($"/api/newsroom/tips/{first}/attachments/", url, StringComparison.Ordinal);

        var file = await api.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", file.Headers.CacheControl?.ToString());
        var bytes = await file.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.True(bytes is [0xFF, 0xD8, ..], "a JPEG");
        Assert.False(TipTestKit.Contains(bytes, "Exif\0\0"u8.ToArray()));
        var copy = Path.Combine(database.DataDirectory, "api-copy-under-test.jpg");
        await File.WriteAllBytesAsync(copy, bytes, cancellationToken);
        var (exitCode, report) = await TipTestKit.InspectMetadataAsync(copy);
        Assert.True(exitCode == 0, report);
        File.Delete(copy);

        // Desk actions through the API; a reply shows on the tipster's side.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync(new Uri($"/api/newsroom/tips/{second}/review", UriKind.Relative), null, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/newsroom/tips/{second}/assign", new { assignee = reporter.Email }, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/newsroom/tips/{second}/notes", new { text = "내부 메모" }, cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(new Uri($"/api/newsroom/tips/{third}/used", UriKind.Relative),
            JsonContent.Create(new { storyId = Guid.NewGuid() }), cancellationToken)).StatusCode);
        var assigned = await api.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{second}", cancellationToken);
        Assert.Equal("assigned", assigned.GetProperty("status").GetString());
        Assert.Equal(reporter.Email, assigned.GetProperty("assignedTo").GetString());

        // A reporter is forbidden; without a token, unauthorised.
        using var reporterApi = reporter.Api(server);
        foreach (var path in new[] { "/api/newsroom/tips", $"/api/newsroom/tips/{first}", url })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reporterApi.GetAsync(new Uri(path, UriKind.Relative), cancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await reporterApi.PostAsync(new Uri($"/api/newsroom/tips/{first}/spam", UriKind.Relative), null, cancellationToken)).StatusCode);
    }

    [Fact]
    public async Task TipDeskPages_OpenForTheTipDeskAndEditors_Only()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        Guid tipId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            tipId = (await scope.ServiceProvider.GetRequiredService<TipIntake>()
                .ReceiveAsync(new TipSubmission(TipChannel.Web, "<script>alert(1)</script> 제보"), TestContext.Current.CancellationToken)).TipId;
        }

        foreach (var role in StaffRoles.All.Append("anonymous"))
        {
            using var session = new FormClient(server);
            if (role != "anonymous")
            {
                var account = await StaffAccount.CreateAsync(server, $"{role}@test.example", role);
                await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = account.Email, ["Password"] = account.Password });
            }

            var allowed = role is StaffRoles.TipDesk or StaffRoles.Editor;
            foreach (var path in new[] { "/newsroom/tips", $"/newsroom/tips/tip/{tipId}" })
            {
                await session.GetAsync(path);
                Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Redirect) == session.LastStatus, $"{role} {path}: {session.LastStatus}");
                if (!allowed)
                {
                    // Refused to the right place: sign-in for a stranger, the denied page for other staff (any
                    // redirect, to an error page or a loop, proved nothing).
                    var place = role == "anonymous" ? "/newsroom/signin" : "/newsroom/denied";
                    var location = session.LastHeaders?.Location?.OriginalString ?? "";
                    Assert.True(location.Contains(place, StringComparison.OrdinalIgnoreCase), $"{role} {path}: sent to {location}, not {place}");
                }
            }
        }

        using var desk = new FormClient(server);
        var tipDesk = await StaffAccount.CreateAsync(server, "desk2@test.example", StaffRoles.TipDesk);
        await desk.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = tipDesk.Email, ["Password"] = tipDesk.Password });
        var html = await desk.GetAsync($"/newsroom/tips/tip/{tipId}");
        Assert.Equal(HttpStatusCode.OK, desk.LastStatus);
        Assert.Equal("no-store", desk.LastHeaders!.CacheControl?.ToString());
        Assert.Equal("no-referrer", string.Join(",", desk.LastHeaders.GetValues("Referrer-Policy")));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 제보", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
    }
}
