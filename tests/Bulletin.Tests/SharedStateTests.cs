using System.Net;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>
/// Two nodes of one site on one Redis (BULLETIN_TEST_REDIS; test.sh starts one): what one node counts or knows,
/// the other counts and knows too, so two nodes allow what one would.
/// </summary>
public sealed class SharedStateTests
{
    public const string RedisVariable = "BULLETIN_TEST_REDIS";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TipLimit_HoldsAcrossNodes_AndTheApiLimitToo()
    {
        await using var fleet = await TwoNodesAsync("--Tips:SubmissionsPerWindow=2", "--PublicApi:RequestsPerMinute=3");
        using var toA = TipTestKit.ClientFrom(fleet.A.Address, "127.0.0.3");
        using var toB = TipTestKit.ClientFrom(fleet.B.Address, "127.0.0.3");

        var first = (await TipTestKit.PostAsync(toA, "/tips", TipTestKit.TipForm("첫 제보"))).Response.StatusCode;
        var second = (await TipTestKit.PostAsync(toB, "/tips", TipTestKit.TipForm("두 번째 제보"))).Response.StatusCode;
        var thirdOnA = (await TipTestKit.PostAsync(toA, "/tips", TipTestKit.TipForm("세 번째 제보"))).Response.StatusCode;
        var thirdOnB = (await TipTestKit.PostAsync(toB, "/tips", TipTestKit.TipForm("세 번째 제보"))).Response.StatusCode;
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            [first, second, thirdOnA, thirdOnB]);

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { toA, toB, toA, toB })
        {
            using var response = await client.GetAsync(new Uri("/api/public/stories", UriKind.Relative), Cancel);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task SignInThrottle_CountsAnAccountsTriesOnEveryNode()
    {
        await using var fleet = await TwoNodesAsync("--Newsroom:SignInAttemptsPerAccountPerMinute=3");
        var onA = fleet.A.Services.GetRequiredService<SignInThrottle>();
        var onB = fleet.B.Services.GetRequiredService<SignInThrottle>();

        bool[] tries = [onA.TryAttempt("editor@test.example"), onB.TryAttempt("EDITOR@test.example"), onA.TryAttempt("editor@test.example"),
            onB.TryAttempt("editor@test.example"), onA.TryAttempt("editor@test.example")];

        Assert.Equal([true, true, true, false, false], tries);
        // Another account is not touched by the guessing.
        Assert.True(onB.TryAttempt("reporter@test.example"));
    }

    [Fact]
    public async Task EditingPresence_OnOneNode_IsSeenOnTheOther()
    {
        await using var fleet = await TwoNodesAsync();
        var story = Guid.CreateVersion7();
        await fleet.A.Services.GetRequiredService<IEditingPresence>().TouchAsync(story, "김하늘", Cancel);
        await fleet.B.Services.GetRequiredService<IEditingPresence>().TouchAsync(story, "이서준", Cancel);

        Assert.Equal(["김하늘"], await fleet.B.Services.GetRequiredService<IEditingPresence>().OthersAsync(story, "이서준", Cancel));
        Assert.Equal(["이서준"], await fleet.A.Services.GetRequiredService<IEditingPresence>().OthersAsync(story, "김하늘", Cancel));
        Assert.Empty(await fleet.A.Services.GetRequiredService<IEditingPresence>().OthersAsync(Guid.CreateVersion7(), "김하늘", Cancel));
    }

    [Fact]
    public async Task KakaoDraft_BegunOnOneNode_IsContinuedAndSentOnTheOther_AndIsSealedInRedis()
    {
        const string secret = "fleet-skill-secret";
        await using var fleet = await TwoNodesAsync("--Tips:Kakao:Secret=" + secret, "--Tips:Key=" + Convert.ToBase64String(new byte[32]));

        Assert.Contains("보내기", await SayAsync(fleet.A, secret, "다리 밑에 기름이 떠 있어요"), StringComparison.Ordinal);
        Assert.Contains("보내기", await SayAsync(fleet.B, secret, "오늘 아침부터요"), StringComparison.Ordinal);
        await using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fleet.Redis))
        {
            var server = redis.GetServers()[0];
            var values = new List<byte[]>();
            await foreach (var key in server.KeysAsync(pattern: fleet.Prefix + "kakao:draft:*"))
            {
                values.Add((byte[])(await redis.GetDatabase().StringGetAsync(key))!);
            }

            var draft = Assert.Single(values);
            Assert.False(TipTestKit.Contains(draft, System.Text.Encoding.UTF8.GetBytes("기름")), "the draft is in Redis as plain text");
        }

        var sent = await SayAsync(fleet.A, secret, "보내기");
        Assert.Matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", sent);

        await using var db = fleet.Database.NewContext();
        var tip = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ReaderTips, Cancel);
        var text = fleet.A.Services.GetRequiredService<Tips.Privacy.TipSealer>().Open(tip.Id, tip.SealedText);
        Assert.Equal("다리 밑에 기름이 떠 있어요\n오늘 아침부터요", text);
    }

    /// <summary>One turn of a Kakao user's conversation with the skill on one node; the answer's text.</summary>
    private static async Task<string> SayAsync(BulletinServer node, string secret, string utterance)
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["userRequest"] = new System.Text.Json.Nodes.JsonObject
            {
                ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "kakao-fleet-user" },
                ["utterance"] = utterance,
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tips/kakao")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(Tips.Channels.Kakao.KakaoSkill.SecretHeader, secret);
        using var response = await node.Client.SendAsync(request, Cancel);
        var answer = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer);
        using var document = System.Text.Json.JsonDocument.Parse(answer);
        return document.RootElement.GetProperty("template").GetProperty("outputs")[0].GetProperty("simpleText").GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task WithRedisAway_RateLimitedPagesAndTheEditorStillAnswer()
    {
        // Nothing listens on this port: Redis is down, as it may be for a minute in a failover.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: [$"--Redis:Configuration=127.0.0.1:{port},connectTimeout=500"]);
        using var reader = TipTestKit.ClientFrom(server.Address, "127.0.0.6");

        using var api = await reader.GetAsync(new Uri("/api/public/stories", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TipTestKit.PostAsync(reader, "/tips", TipTestKit.TipForm("레디스가 멈춘 동안의 제보"))).Response.StatusCode);
        Assert.True(server.Services.GetRequiredService<SignInThrottle>().TryAttempt("editor@test.example"));
        Assert.Empty(await server.Services.GetRequiredService<IEditingPresence>().OthersAsync(Guid.CreateVersion7(), "김하늘", Cancel));
    }

    /// <summary>Two in-process nodes on one SQLite database (state beyond the database is what is tested) and one Redis.</summary>
    private static async Task<Fleet> TwoNodesAsync(params string[] settings)
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            Assert.Skip($"Redis run skipped: no server configured ({RedisVariable} is not set; test.sh sets it).");
        }

        // Every test has keys of its own in the one Redis.
        var prefix = $"test-{Guid.NewGuid():N}:";
        string[] all = ["--Redis:Configuration=" + redis, "--Redis:KeyPrefix=" + prefix, .. settings];
        var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        var a = await BulletinServer.StartAsync(database, settings: all);
        var b = await BulletinServer.StartAsync(database, settings: all, dataDirectory: folder);
        return new Fleet(database, a, b, folder) { Redis = redis!, Prefix = prefix };
    }

    private sealed record Fleet(Testing.TestDatabase Database, BulletinServer A, BulletinServer B, string Folder) : IAsyncDisposable
    {
        public required string Redis { get; init; }
        public required string Prefix { get; init; }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Database.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
