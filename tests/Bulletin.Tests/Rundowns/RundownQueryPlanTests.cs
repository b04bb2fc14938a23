using System.Net;
using Bulletin.Broadcast.Mos;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bulletin.Tests.NewsroomApi;
using static Bulletin.Tests.Rundowns.RundownDesk;

namespace Bulletin.Tests.Rundowns;

/// <summary>
/// Every query the rundowns make is answered from an index: the list by air date, one rundown with its lines and
/// stories, a change, the rundowns on air that the MOS gateway reads, and the lookup from an edited story to the
/// rundowns holding it. Rundowns pile up day after day, so a scan would grow with the archive.
/// </summary>
public sealed class RundownQueryPlanTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RundownQueries_EveryOne_UsesAnIndex(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var plans = new QueryPlanRecorder();
        await using var server = await BulletinServer.StartAsync(database,
            // A gateway with no devices: the feed then follows story edits, and the source answers for the studio.
            settings: ["--Mos:NcsId=bulletin.plans.test", "--Mos:ListenAddress=127.0.0.1", "--Mos:Lower=0", "--Mos:Upper=0"],
            configure: builder => plans.Attach(builder, provider));
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var (korean, _) = await CreateAsync(reporter, TroopsStory());
        var rundowns = new List<Guid>();
        for (var day = 14; day <= 16; day++)
        {
            var rundown = await CreateRundownAsync(producer, $"2024-10-{day}T18:00:00+09:00", $"2024-10-{day}T18:30:00+09:00");
            await AddAsync(producer, rundown, new { storyId = korean, slug = "북한군 파병" });
            await AddAsync(producer, rundown, new { kind = "break", slug = "BREAK", duration = 120 });
            rundowns.Add(rundown);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundowns[^1]}/activate")).StatusCode);

        plans.Recording = true;
        Assert.Equal(HttpStatusCode.OK,
            (await producer.GetAsync(new Uri("/api/newsroom/rundowns?from=2024-10-15&to=2024-10-16", UriKind.Relative), cancel)).StatusCode);
        await RundownAsync(producer, rundowns[0]);
        var line = (await RundownAsync(producer, rundowns[^1]))["items"]![1]!["id"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.OK,
            (await PostAsync(producer, $"/api/newsroom/rundowns/{rundowns[^1]}/items/{line}/move", new { position = 0 })).StatusCode);
        var onAir = await server.Services.GetRequiredService<IRunningOrderSource>().ActiveAsync(cancel);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            await server.Services.GetRequiredService<MosRundownFeed>().StoriesChangedAsync(db, [korean], cancel);
        }

        plans.Recording = false;
        Assert.Single(onAir);
        var ours = plans.Plans.Where(p => p.Sql.Contains("Rundown", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Any(p => p.Sql.Contains("DISTINCT", StringComparison.Ordinal) && p.Sql.Contains("\"StoryId\"", StringComparison.Ordinal)),
            string.Join("\n\n", ours.Select(p => p.Sql)));
        Assert.Contains(ours, p => p.Sql.Contains("\"AirDate\"", StringComparison.Ordinal));
        var scans = plans.FullScans(provider, p => ours.Contains(p));
        Assert.True(scans.Length == 0, "Full table scans:\n" + scans);
    }
}
