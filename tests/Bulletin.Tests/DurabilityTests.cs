using System.Net;
using System.Net.Http.Headers;
using Bulletin.Data;
using Bulletin.Testing;
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
    }
}
