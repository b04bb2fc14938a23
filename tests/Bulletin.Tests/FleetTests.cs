using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// Three `bulletin` processes on one PostgreSQL database and one Redis, reached on their own ports as a load balancer
/// would reach them: what goes through one node shows on the others within a second, a session and a limit are
/// the site's, not a node's, and a node killed outright leaves the others serving and catches up when it returns.
/// </summary>
public sealed class FleetTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeNodes_ShareChangesSessionsAndLimits_AndOneKilledCatchesUpWhenItReturns()
    {
        var redis = Environment.GetEnvironmentVariable(SharedStateTests.RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            Assert.Skip($"Fleet run skipped: no Redis configured ({SharedStateTests.RedisVariable} is not set; test.sh sets it).");
        }

        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var folders = Enumerable.Range(0, 3).Select(n => "abc"[n]).Select(n => Directory.CreateTempSubdirectory($"bulletin-fleet-{n}-").FullName).ToArray();
        (string, string)[] Settings(int node) =>
        [
            ("BULLETIN_DATA_DIR", folders[node]),
            ("Redis__Configuration", redis),
            ("Redis__KeyPrefix", $"fleet-{Path.GetFileName(database.DataDirectory)}:"),
            // Tips are sealed with the site's key: every node must have the same one.
            ("Tips__Key", TipsKey),
            ("Tips__SubmissionsPerWindow", "3"),
        ];
        var nodes = new BulletinProcess?[3];
        try
        {
            var starting = Enumerable.Range(0, 3).Select(i => BulletinProcess.StartAsync(database, Settings(i))).ToArray();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                for (var i = 0; i < 3; i++)
                {
                    nodes[i] = starting[i].IsCompletedSuccessfully ? await starting[i] : null;
                }
            }

            var (a, b, c) = (nodes[0]!, nodes[1]!, nodes[2]!);
            var editor = await EditorAsync(database);
            using var apiA = Api(a, editor);
            using var apiB = Api(b, editor);
            using var readA = new HttpClient { BaseAddress = a.Address };
            using var readB = new HttpClient { BaseAddress = b.Address };
            using var readC = new HttpClient { BaseAddress = c.Address };
            await Eventually.UntilAsync("every node to listen for outbox notifications", async () => await ListenersAsync(database) == 3);

            // A first story, not timed, so no node's first publish includes its cold start (code compiled on first use).
            await PublishAsync(apiA, "첫 기사");
            foreach (var reader in new[] { readA, readB, readC })
            {
                await Eventually.UntilAsync("the first story on every node", async () =>
                    (await reader.GetStringAsync(new Uri("/", UriKind.Relative), Cancel)).Contains("첫 기사", StringComparison.Ordinal));
            }

            // B and C have their home pages cached before the story exists.
            foreach (var reader in new[] { readB, readC })
            {
                await reader.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
                await reader.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
            }

            // Published through A: on B and C within a second.
            var (id, path) = await PublishAsync(apiA, "전국 폭설 특보 발효");
            var published = await Task.WhenAll(
                WithinASecondAsync(readB, "/", r => r.Body.Contains("전국 폭설 특보 발효", StringComparison.Ordinal)),
                WithinASecondAsync(readC, "/", r => r.Body.Contains("전국 폭설 특보 발효", StringComparison.Ordinal)));

            // Killed through B: 410 on A and C within a second, though both had the story cached.
            foreach (var reader in new[] { readA, readC })
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(path, UriKind.Relative), Cancel)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(path, UriKind.Relative), Cancel)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await ActAsync(apiB, id, "kill")).StatusCode);
            var killed = await Task.WhenAll(
                WithinASecondAsync(readA, path, r => r.Status == HttpStatusCode.Gone),
                WithinASecondAsync(readC, path, r => r.Status == HttpStatusCode.Gone));

            // A session begun on A opens the newsroom on C.
            var cookies = new CookieContainer();
            await SignInAsync(a, cookies, editor);
            using (var onC = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = c.Address })
            {
                using var newsroom = await onC.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);
                Assert.True(newsroom.StatusCode == HttpStatusCode.OK, $"the newsroom on C with A's session answered {(int)newsroom.StatusCode} {newsroom.Headers.Location}");
            }

            // The tip form's limit (3) is the site's: one reader, three nodes, three tips in all.
            var tipAnswers = new List<HttpStatusCode>();
            foreach (var node in new[] { a, b, c, a, b, c })
            {
                using var reader = TipTestKit.ClientFrom(node.Address, "127.0.0.5");
                tipAnswers.Add((await TipTestKit.PostAsync(reader, "/tips", TipTestKit.TipForm("제보 " + tipAnswers.Count))).Response.StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
                HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], tipAnswers);

            // A dies (SIGKILL) while readers are on every node; B and C answer every request throughout.
            using var traffic = new CancellationTokenSource();
            var onB = ReadAllTheTimeAsync(readB, traffic.Token);
            var onC2 = ReadAllTheTimeAsync(readC, traffic.Token);
            var onA = ReadAllTheTimeAsync(readA, traffic.Token);
            await Task.Delay(300, Cancel);
            await a.KillAsync();
            var (laterId, laterPath) = await PublishAsync(apiB, "정전 복구 완료");
            var afterKill = await WithinASecondAsync(readC, "/", r => r.Body.Contains("정전 복구 완료", StringComparison.Ordinal));
            await Task.Delay(300, Cancel);
            await traffic.CancelAsync();
            var (servedB, failedB) = await onB;
            var (servedC, failedC) = await onC2;
            await onA;
            Assert.True(failedB == 0 && failedC == 0, $"while A died, B failed {failedB} of {servedB + failedB} and C {failedC} of {servedC + failedC}");
            Assert.True(servedB > 0 && servedC > 0);

            // A comes back on its own data directory and catches up: the story published while it was dead, in its
            // pages and in its search index.
            nodes[0] = await BulletinProcess.StartAsync(database, Settings(0));
            using var readAgain = new HttpClient { BaseAddress = nodes[0]!.Address };
            Assert.Equal(HttpStatusCode.OK, (await readAgain.GetAsync(new Uri(laterPath, UriKind.Relative), Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.Gone, (await readAgain.GetAsync(new Uri(path, UriKind.Relative), Cancel)).StatusCode);
            await Eventually.UntilAsync("the returned node's search to find the story published while it was dead", async () =>
                new HtmlParser().ParseDocument(await readAgain.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("정전 복구"), UriKind.Relative), Cancel))
                    .QuerySelectorAll("a").Any(l => l.TextContent.Contains("정전 복구 완료", StringComparison.Ordinal)));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"publish on B, C: {string.Join(", ", published.Select(t => $"{t.TotalMilliseconds:0} ms"))}; " +
                $"kill on A, C: {string.Join(", ", killed.Select(t => $"{t.TotalMilliseconds:0} ms"))}; " +
                $"publish with A dead, on C: {afterKill.TotalMilliseconds:0} ms; B served {servedB} and C {servedC} requests while A died");
            _ = laterId;
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }

            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>How many nodes hold a listening connection on the database.</summary>
    private static async Task<long> ListenersAsync(TestDatabase database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.Options.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var count = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", connection);
        count.Parameters.AddWithValue("name", Data.Outbox.OutboxChannel.ApplicationName);
        return (long)(await count.ExecuteScalarAsync(Cancel))!;
    }

    private static readonly string TipsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>An editor made through a one-off in-process node (it only writes the account and its token).</summary>
    private static async Task<StaffAccount> EditorAsync(TestDatabase database)
    {
        var folder = Directory.CreateTempSubdirectory("bulletin-fleet-setup-").FullName;
        try
        {
            await using var setup = await BulletinServer.StartAsync(database, dataDirectory: folder);
            return await StaffAccount.CreateAsync(setup, "editor@test.example", StaffRoles.Editor);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient Api(BulletinProcess node, StaffAccount account)
    {
        var client = new HttpClient { BaseAddress = node.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", account.Token);
        return client;
    }

    private static async Task SignInAsync(BulletinProcess node, CookieContainer cookies, StaffAccount account)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.Address };
        var form = await client.GetStringAsync(new Uri("/newsroom/signin", UriKind.Relative), Cancel);
        var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync("/newsroom/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = account.Password,
            ["__RequestVerificationToken"] = token,
        }), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Reads the home page back to back until stopped; counts what was served and what failed.</summary>
    private static async Task<(int Served, int Failed)> ReadAllTheTimeAsync(HttpClient reader, CancellationToken stop)
    {
        var (served, failed) = (0, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await reader.GetAsync(new Uri("/", UriKind.Relative), stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    served++;
                }
                else
                {
                    failed++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException)
            {
                // A bare SocketException too: a connection made just as its node died fails reading the remote address.
                failed++;
                await Task.Delay(20, CancellationToken.None);
            }
        }

        return (served, failed);
    }

    /// <summary>Asks every 50 ms until the answer is the one awaited; fails when that takes over a second.</summary>
    private static async Task<TimeSpan> WithinASecondAsync(HttpClient node, string path, Func<(HttpStatusCode Status, string Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        (HttpStatusCode, string) last = default;
        while (clock.Elapsed <= Second)
        {
            using var response = await node.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            last = (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
            if (done(last))
            {
                return clock.Elapsed;
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail($"{path} on {node.BaseAddress} did not show the change within a second (last: {last.Item1})");
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
