using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Bulletin.Api.Newsroom;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// A staff API client that retries with the same Idempotency-Key gets the first answer again and nothing twice: a
/// story created once, published once, a lost answer recovered; a reused key for another request is refused.
/// </summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retries_WithTheSameKey_GetTheFirstAnswer_AndChangeNothingTwice(DatabaseProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database, configure: builder =>
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);

        using var first = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("한 번만 만들어질 기사"), "create-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        var id = (await ReadAsync(first))["id"]!.GetValue<Guid>();
        using var again = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("한 번만 만들어질 기사"), "create-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());
        Assert.Equal(id, (await ReadAsync(again))["id"]!.GetValue<Guid>());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);

        // The same key for another request is the client's mistake.
        using var reused = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("다른 기사"), "create-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        using var badKey = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("다른 기사"), new string('k', IdempotencyKeys.MaxKeyLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);

        // Actions: a retried submit, approve and publish answer as the first did, whatever state the story is in now.
        foreach (var (action, key) in new[] { ("submit", "submit-1"), ("approve", "approve-1"), ("publish", "publish-1") })
        {
            using var acted = await SendAsync(api, HttpMethod.Post, $"/api/newsroom/stories/{id}/{action}", null, key);
            Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
            using var retried = await SendAsync(api, HttpMethod.Post, $"/api/newsroom/stories/{id}/{action}", null, key);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal("true", retried.Headers.GetValues(IdempotencyKeys.ReplayedHeader).Single());
        }

        // Sent again without its key, the submit is a new request, and the published story refuses it.
        using var notAgain = await SendAsync(api, HttpMethod.Post, $"/api/newsroom/stories/{id}/submit", null, null);
        Assert.False(notAgain.IsSuccessStatusCode, $"{(int)notAgain.StatusCode}");

        // Without keys, two sends are two stories, as before.
        await CreateAsync(api, KoreanStory("키 없는 기사"));
        await CreateAsync(api, KoreanStory("키 없는 기사"));
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.Stories.CountAsync(s => s.Headline == "한 번만 만들어질 기사", cancellationToken));
            Assert.Equal(2, await db.Stories.CountAsync(s => s.Headline == "키 없는 기사", cancellationToken));
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "story.publish" && a.Subject == $"story:{id}", cancellationToken));
        }

        // A day later the four keys kept (create, submit, approve, publish) are forgotten, and the first may name a new
        // request. Advancing the clock also wakes the hourly pass; either may be the one that deletes.
        await using (var db = database.NewContext())
        {
            Assert.Equal(4, await db.IdempotentRequests.CountAsync(cancellationToken));
        }

        clock.Advance(TimeSpan.FromHours(25));
        await server.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IdempotencyRetention>().Single()
            .RunOnceAsync(cancellationToken);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.IdempotentRequests.CountAsync(cancellationToken));
        }

        using var fresh = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("다음 날의 기사"), "create-1");
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.NotEqual(id, (await ReadAsync(fresh))["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task AnAnswerLostWithTheConnection_IsRecoveredByTheRetry_AndRacingRetriesMakeOneStory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);

        // The request goes out whole and the client hangs up at once, never reading the answer.
        var body = KoreanStory("연결이 끊긴 기사").ToJsonString();
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Address.Port), cancellationToken);
            var bytes = Encoding.UTF8.GetBytes(body);
            await socket.SendAsync(Encoding.ASCII.GetBytes("POST /api/newsroom/stories HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + $"Authorization: Bearer {editor.Token}\r\nIdempotency-Key: lost-1\r\nContent-Type: application/json\r\n"
                + $"Content-Length: {bytes.Length}\r\n\r\n"), cancellationToken);
            await socket.SendAsync(bytes, cancellationToken);
            socket.Shutdown(SocketShutdown.Both);
        }

        var answer = await Eventually.UntilAsync("the retry to get the first answer back", async () =>
        {
            using var retried = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("연결이 끊긴 기사"), "lost-1");
            return (retried.StatusCode, retried.Headers.Contains(IdempotencyKeys.ReplayedHeader), await retried.Content.ReadAsStringAsync(cancellationToken));
        }, a => a.StatusCode == HttpStatusCode.Created, describe: a => $"{(int)a.StatusCode} {a.Item3}");
        await using (var db = database.NewContext())
        {
            var stored = await db.Stories.Where(s => s.Headline == "연결이 끊긴 기사").Select(s => s.Id).ToListAsync(cancellationToken);
            Assert.Single(stored);
            Assert.Equal(stored[0], JsonNode.Parse(answer.Item3)!["id"]!.GetValue<Guid>());
        }

        // Five clients racing with one key: one story; the others are told to wait or get its answer.
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await SendAsync(api, HttpMethod.Post, "/api/newsroom/stories", KoreanStory("경주하는 기사"), "race-1");
            return response.StatusCode;
        }));
        Assert.All(racing, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)s}"));
        Assert.Contains(HttpStatusCode.Created, racing);
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.Stories.CountAsync(s => s.Headline == "경주하는 기사", cancellationToken));
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string path, JsonObject? body, string? key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }

        return await api.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
