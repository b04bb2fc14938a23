using System.Diagnostics;
using System.Net;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Publishing;
using Bulletin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own page cache and search index: what one publishes or
/// kills, the other shows within a second, woken by the database's notification rather than a fast poll.
/// </summary>
public sealed class FanOutTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAndKill_OnOneNode_TheOtherNodeFollowsWithinASecond()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var otherFolder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        try
        {
            await using var a = await BulletinServer.StartAsync(database);
            await using var b = await BulletinServer.StartAsync(database, dataDirectory: otherFolder);
            await WaitUntilListeningAsync(b);
            using var api = (await StaffAccount.CreateAsync(a, "editor@test.example", Core.Workflow.StaffRoles.Editor)).Api(a);
            // B has the home page in its cache: only the outbox can make it show the new story.
            await b.GetPageAsync("/");
            await b.GetPageAsync("/");

            var (id, path) = await PublishAsync(api, "전국 폭설 특보 발효");
            var published = await WithinAsync(b, "/", r => r.Body.Contains("전국 폭설 특보 발효", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel)).StatusCode);

            // B's cached copy of the story is what a reader gets until the kill reaches it.
            await b.GetPageAsync(path);
            var killedAt = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "kill")).StatusCode);
            var killed = await WithinAsync(b, path, r => r.Status == HttpStatusCode.Gone);
            TestContext.Current.TestOutputHelper?.WriteLine($"publish visible on B after {published.TotalMilliseconds:0} ms, kill after {killed.TotalMilliseconds:0} ms");

            // The search index followed as well.
            var search = b.Services.GetRequiredService<SearchIndexService>();
            Assert.NotNull(search.Position);
        }
        finally
        {
            Directory.Delete(otherFolder, recursive: true);
        }
    }

    [Fact]
    public async Task ListeningConnectionCut_ChangesStillArriveWithinASecond_AndItListensAgain()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var otherFolder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        try
        {
            await using var a = await BulletinServer.StartAsync(database);
            await using var b = await BulletinServer.StartAsync(database, dataDirectory: otherFolder);
            await WaitUntilListeningAsync(b);
            using var api = (await StaffAccount.CreateAsync(a, "editor@test.example", Core.Workflow.StaffRoles.Editor)).Api(a);
            await b.GetPageAsync("/");

            // The database ends every listening connection (A's and B's), as a failover or a restart would.
            await using (var admin = new NpgsqlConnection(database.Options.ConnectionString))
            {
                await admin.OpenAsync(Cancel);
                await using var cut = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
                cut.Parameters.AddWithValue("name", OutboxChannel.ApplicationName);
                Assert.Equal(2L, await cut.ExecuteScalarAsync(Cancel));
            }

            var signal = b.Services.GetRequiredService<OutboxSignal>();
            await Eventually.UntilAsync("B to notice its listening connection is gone", () => Task.FromResult(!signal.Listening));
            await PublishAsync(api, "정전 복구 완료");
            await WithinAsync(b, "/", r => r.Body.Contains("정전 복구 완료", StringComparison.Ordinal));
            await WaitUntilListeningAsync(b);
        }
        finally
        {
            Directory.Delete(otherFolder, recursive: true);
        }
    }

    private static Task WaitUntilListeningAsync(BulletinServer node)
    {
        var signal = node.Services.GetRequiredService<OutboxSignal>();
        return Eventually.UntilAsync("the node to listen for outbox notifications", () => Task.FromResult(signal.Listening));
    }

    /// <summary>Asks the node every 50 ms until the answer is the one awaited; fails when that takes over a second.</summary>
    private static async Task<TimeSpan> WithinAsync(BulletinServer node, string path, Func<(HttpStatusCode Status, string Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        (HttpStatusCode, string) last = default;
        while (clock.Elapsed <= Second)
        {
            using var response = await node.Client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
            if (done(last))
            {
                return clock.Elapsed;
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail($"{path} on {node.Address} did not show the change within a second (last: {last.Item1})");
        return clock.Elapsed;
    }

    private static async Task<(Guid Id, string Path)> PublishAsync(HttpClient api, string headline)
    {
        var (id, _) = await CreateAsync(api, KoreanStory(headline: headline, anchorText: headline + " 소식입니다."));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "approve")).StatusCode);
        var published = await ActAsync(api, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var url = new Uri((await ReadAsync(published))["url"]!.GetValue<string>(), UriKind.RelativeOrAbsolute);
        return (id, url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString);
    }
}
