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
        string[] all = ["--Redis:Configuration=" + redis, $"--Redis:KeyPrefix=test-{Guid.NewGuid():N}:", .. settings];
        var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        var a = await BulletinServer.StartAsync(database, settings: all);
        var b = await BulletinServer.StartAsync(database, settings: all, dataDirectory: folder);
        return new Fleet(database, a, b, folder);
    }

    private sealed record Fleet(Testing.TestDatabase Database, BulletinServer A, BulletinServer B, string Folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Database.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
