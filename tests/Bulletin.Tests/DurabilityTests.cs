using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

public sealed class DurabilityTests
{
    private const int Rounds = 10;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AcknowledgedSave_KilledRightAfter_IsThereAfterRestart(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var add = await BulletinCli.RunAsync(database, "users", "add", "--email", "editor@test.example", "--role", "editor");
        Assert.True(add.ExitCode == 0, add.Error);
        var tokenRun = await BulletinCli.RunAsync(database, "users", "token", "--email", "editor@test.example");
        Assert.True(tokenRun.ExitCode == 0, tokenRun.Error);
        var token = tokenRun.Output.Trim();

        Guid id = default;
        var expectedVersion = 0;
        string? expectedText = null;
        for (var round = 0; round < Rounds; round++)
        {
            await using var server = await BulletinProcess.StartAsync(database);
            using var api = new HttpClient { BaseAddress = server.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (round == 0)
            {
                (id, expectedVersion) = await CreateAsync(api);
            }
            else
            {
                var stored = await GetAsync(api, id);
                Assert.Equal(expectedVersion, stored["version"]!.GetValue<int>());
                Assert.Contains(expectedText!, JsonText(stored), StringComparison.Ordinal);
            }

            expectedText = $"{round + 1}번째 저장: 강제 종료 직전에 확인된 문장입니다.";
            var saved = await PutAsync(api, id, KoreanStory(anchorText: expectedText), expectedVersion);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            expectedVersion = (await ReadAsync(saved))["version"]!.GetValue<int>();

            // The save was acknowledged; the process dies before it can do anything else.
            await server.KillAsync();
        }

        await using var last = await BulletinProcess.StartAsync(database);
        using var check = new HttpClient { BaseAddress = last.Address };
        check.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var final = await GetAsync(check, id);
        Assert.Equal(expectedVersion, final["version"]!.GetValue<int>());
        Assert.Contains(expectedText!, JsonText(final), StringComparison.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            await AssertSqliteSoundAsync(database);
        }
    }

    /// <summary>
    /// kill -9 while a publish is on its way and right after it is acknowledged, round after round: after each
    /// restart the story is either published everywhere a reader looks (its page, the feed, the sitemap, search)
    /// or nowhere, and an acknowledged publish is always everywhere. The outbox row written with the publish is
    /// what brings search and the feeds along after a crash.
    /// </summary>
    [Fact]
    public async Task Publish_KilledMidwayOrRightAfter_IsAllOrNothingOnEverySurfaceAfterRestart()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var add = await BulletinCli.RunAsync(database, "users", "add", "--email", "editor@test.example", "--role", "editor");
        Assert.True(add.ExitCode == 0, add.Error);
        var token = (await BulletinCli.RunAsync(database, "users", "token", "--email", "editor@test.example")).Output.Trim();
        var outcomes = new List<(Guid Id, string Marker, bool Acknowledged)>();

        for (var round = 0; round < 6; round++)
        {
            await using var server = await BulletinProcess.StartAsync(database);
            using var api = new HttpClient { BaseAddress = server.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await AssertAllOrNothingAsync(api, outcomes);

            var marker = $"crashmarker{round}x";
            var (id, _) = await CreateAsync(api, KoreanStory(headline: $"정전 {marker} 속보", anchorText: $"{marker} 현장에서 전해 드립니다."));
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "approve")).StatusCode);
            var acknowledged = false;
            if (round % 2 == 0)
            {
                // Acknowledged, then killed before the outbox has had a chance to index it or refresh the feeds.
                acknowledged = (await ActAsync(api, id, "publish")).StatusCode == HttpStatusCode.OK;
                Assert.True(acknowledged);
            }
            else
            {
                // Killed while the publish is in flight, a little later each round.
                var publishing = ActAsync(api, id, "publish");
                await Task.Delay(TimeSpan.FromMilliseconds(5 * round), TestContext.Current.CancellationToken);
                await server.KillAsync();
                try
                {
                    acknowledged = (await publishing).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException)
                {
                    // The connection died with the process: not acknowledged, may or may not have committed. (A
                    // connection made just as the process died can fail with a bare SocketException from the
                    // socket's remote address, which HttpClient does not wrap.)
                }
            }

            outcomes.Add((id, marker, acknowledged));
            await server.KillAsync();
        }

        await using var last = await BulletinProcess.StartAsync(database);
        using var check = new HttpClient { BaseAddress = last.Address };
        check.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await AssertAllOrNothingAsync(check, outcomes);
        await AssertSqliteSoundAsync(database);
    }

    /// <summary>
    /// After the kills the file is whole (integrity_check), and a connection as Bulletin opens it runs in WAL mode
    /// with FULL sync and secure_delete: kill -9 cannot tell FULL from NORMAL, so the settings are read back.
    /// </summary>
    private static async Task AssertSqliteSoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        async Task<string> PragmaAsync(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + name;
            return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("ok", await PragmaAsync("integrity_check"));
        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("2", await PragmaAsync("synchronous"));
        Assert.Equal("1", await PragmaAsync("secure_delete"));
    }

    private static async Task AssertAllOrNothingAsync(HttpClient api, List<(Guid Id, string Marker, bool Acknowledged)> outcomes)
    {
        foreach (var (id, marker, acknowledged) in outcomes)
        {
            var stored = await GetAsync(api, id);
            var published = stored["status"]!.GetValue<string>() == "published";
            Assert.True(published || !acknowledged, $"{marker}: an acknowledged publish was lost");
            await Eventually.UntilAsync($"{marker} to be {(published ? "on" : "off")} every public surface", async () =>
            {
                var page = await api.GetAsync(new Uri($"/api/public/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
                var rss = await api.GetStringAsync(new Uri("/rss.xml", UriKind.Relative), TestContext.Current.CancellationToken);
                var sitemap = await api.GetStringAsync(new Uri("/news-sitemap.xml", UriKind.Relative), TestContext.Current.CancellationToken);
                var search = await api.GetStringAsync(new Uri($"/api/public/search?q={marker}", UriKind.Relative), TestContext.Current.CancellationToken);
                var found = JsonNode.Parse(search)!["total"]!.GetValue<int>() > 0;
                return published
                    ? page.StatusCode == HttpStatusCode.OK && rss.Contains(marker, StringComparison.Ordinal) && sitemap.Contains(marker, StringComparison.Ordinal) && found
                    : page.StatusCode == HttpStatusCode.NotFound && !rss.Contains(marker, StringComparison.Ordinal) && !found;
            });
        }
    }
}
