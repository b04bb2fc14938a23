using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;
using static Bulletin.Tests.Rundowns.RundownDesk;

namespace Bulletin.Tests.Rundowns;

/// <summary>
/// Read rates per presenter and per show, through the staff API: a roster of two presenters in the configuration,
/// a show read by one, a line read by the other, rates of a line's or a show's own, each timed to the second against
/// figures worked out by hand. The five-minute show runs 18:00:00 to 18:05:00 KST (300 s).
/// </summary>
public sealed class RundownReadRateTests
{
    /// <summary>40 words: 15 s at 160 a minute, 20 s at 120, 12 s at 200.</summary>
    private const string EnglishAnchor =
        "The city council voted on Tuesday to extend the night bus service to every district from next month, after a year in which " +
        "ridership on the three trial routes grew faster than on any other part of the whole network.";

    private static readonly string[] Roster =
    [
        "--Presenters:0:Name=김민지", "--Presenters:0:KoreanSyllablesPerMinute=300", "--Presenters:0:EnglishWordsPerMinute=120",
        "--Presenters:1:Name=박준호", "--Presenters:1:KoreanSyllablesPerMinute=420",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachLine_IsReadAtItsPresentersRate_TheShowsOrItsOwn_ToTheSecond(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database, settings: Roster);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var (korean, _) = await CreateAsync(reporter, TroopsStory());
        var (english, _) = await CreateAsync(reporter, new JsonObject
        {
            ["headline"] = "Night buses for every district",
            ["language"] = "en",
            ["segments"] = new JsonArray(new JsonObject { ["kind"] = "anchor", ["text"] = EnglishAnchor }),
        });

        // The show is 김민지's: 300 syllables and 120 words a minute.
        var created = await producer.PostAsJsonAsync("/api/newsroom/rundowns", new
        {
            show = "YTN 24 저녁", language = "ko", start = "2024-10-16T18:00:00+09:00", hardOut = "2024-10-16T18:05:00+09:00", presenter = "김민지",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var rundown = body["id"]!.GetValue<Guid>();
        Assert.Equal(("김민지", 300.0, 120.0), Rate(body));
        var troops = await AddAsync(producer, rundown, new { storyId = korean, slug = "북한군 파병" });
        var night = await AddAsync(producer, rundown, new { storyId = english, slug = "NIGHT BUS" });
        await AddAsync(producer, rundown, new { kind = "break", slug = "BREAK", duration = 90 });

        // Korean: anchor 70 and reporter 35 syllables; at 300 a minute 14 s + 7 s = 21 s, with the 20 s soundbite 41 s.
        // English: 40 words at 120 a minute = 20 s. 41 + 20 + 90 = 151 s: 149 s under; the first back time 18:05:00 − 151.
        Assert.Equal((21, 20, -149, "2024-10-16T18:02:29+09:00"), Figures(await RundownAsync(producer, rundown)));

        // 박준호 reads the Korean story: 420 a minute, 10 s + 5 s = 15 s read (35 s with the soundbite); total 145 s.
        var line = await EditAsync(producer, rundown, troops, new { presenter = "박준호" });
        Assert.Equal((15, 20, -155, "2024-10-16T18:02:35+09:00"), Figures(line));
        Assert.Equal(("박준호", 420.0, 160.0), Rate(Item(line, troops)));

        // The English line at a rate of its own, 200 words a minute: 12 s; total 137 s. It names no presenter.
        line = await EditAsync(producer, rundown, night, new { readRate = new { englishWordsPerMinute = 200 } });
        Assert.Equal((15, 12, -163, "2024-10-16T18:02:43+09:00"), Figures(line));
        Assert.Equal((null, 300.0, 200.0), Rate(Item(line, night)));

        // The Korean line read as the show again (김민지, 21 s); then the show changes hands to 박준호, and the line
        // follows it (15 s) while the English line keeps its own rate.
        line = await EditAsync(producer, rundown, troops, new { presenter = "" });
        Assert.Equal((21, 12, -157, "2024-10-16T18:02:37+09:00"), Figures(line));
        Assert.Null(Item(line, troops)["readRate"]);
        line = await ReplanAsync(producer, rundown, new { presenter = "박준호" });
        Assert.Equal((15, 12, -163, "2024-10-16T18:02:43+09:00"), Figures(line));
        Assert.Equal(("박준호", 420.0, 160.0), Rate(line));

        // 김민지 reads this show slower than her usual, 210 syllables a minute: 20 s + 10 s = 30 s; total 152 s.
        line = await ReplanAsync(producer, rundown, new { presenter = "김민지", readRate = new { koreanSyllablesPerMinute = 210 } });
        Assert.Equal((30, 12, -148, "2024-10-16T18:02:28+09:00"), Figures(line));
        Assert.Equal(("김민지", 210.0, 120.0), Rate(line));

        // A show's rate of its own names no presenter: 350 a minute, 12 s + 6 s = 18 s; total 140 s.
        line = await ReplanAsync(producer, rundown, new { readRate = new { koreanSyllablesPerMinute = 350 } });
        Assert.Equal((18, 12, -160, "2024-10-16T18:02:40+09:00"), Figures(line));
        Assert.Equal((null, 350.0, 120.0), Rate(line));

        // Who is not on the roster, and rates no one reads at, are refused and change nothing.
        var before = await RundownAsync(producer, rundown);
        Assert.Equal(HttpStatusCode.BadRequest, (await EditResponseAsync(producer, rundown, troops, new { presenter = "홍길동" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await EditResponseAsync(producer, rundown, troops, new { readRate = new { koreanSyllablesPerMinute = 0 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReplanResponseAsync(producer, rundown, new { presenter = "홍길동" })).StatusCode);
        Assert.Equal(before["version"]!.GetValue<int>(), (await RundownAsync(producer, rundown))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task HardStart_IsSetAndTakenAway_AndAStaleVersionIsRefused()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:05:00+09:00");
        await AddAsync(producer, rundown, new { kind = "other", slug = "OPEN", duration = 75 });
        var live = await AddAsync(producer, rundown, new { kind = "live", slug = "LIVE SEOUL", duration = 45 });

        // The live cross must start at 18:01:00; it comes 15 s late (18:01:15).
        var line = Item(await EditAsync(producer, rundown, live, new { hardStart = "2024-10-16T18:01:00+09:00" }), live);
        Assert.Equal(("2024-10-16T18:01:00+09:00", 15), (line["hardStart"]!.GetValue<string>(), line["hardStartOff"]!.GetValue<int>()));

        var version = (await RundownAsync(producer, rundown))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Conflict, (await EditResponseAsync(producer, rundown, live, new { clearHardStart = true }, version - 1)).StatusCode);
        line = Item(await EditAsync(producer, rundown, live, new { clearHardStart = true }, version), live);
        Assert.Null(line["hardStart"]);
        Assert.Null(line["hardStartOff"]);
    }

    /// <summary>(Korean line's text time, English line's text time, over/under, first back time).</summary>
    private static (int, int, int, string) Figures(JsonObject rundown)
    {
        var items = rundown["items"]!.AsArray();
        return (items[0]!["textTime"]!.GetValue<int>(), items[1]!["textTime"]!.GetValue<int>(), rundown["overUnder"]!.GetValue<int>(),
            items[0]!["backTime"]!.GetValue<string>());
    }

    private static (string?, double, double) Rate(JsonNode owner) => (owner["presenter"]?.GetValue<string>(),
        owner["readRate"]!["koreanSyllablesPerMinute"]!.GetValue<double>(), owner["readRate"]!["englishWordsPerMinute"]!.GetValue<double>());

    private static JsonNode Item(JsonObject rundown, Guid item) => rundown["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == item)!;

    private static async Task<JsonObject> EditAsync(HttpClient api, Guid rundown, Guid item, object change, int? ifMatch = null)
    {
        var response = await EditResponseAsync(api, rundown, item, change, ifMatch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync(response);
    }

    private static async Task<HttpResponseMessage> EditResponseAsync(HttpClient api, Guid rundown, Guid item, object change, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{rundown}/items/{item}") { Content = JsonContent.Create(change) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await api.SendAsync(request, Cancel);
    }

    private static async Task<JsonObject> ReplanAsync(HttpClient api, Guid rundown, object change)
    {
        var response = await ReplanResponseAsync(api, rundown, change);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync(response);
    }

    /// <summary>The show's PUT, with the If-Match it needs.</summary>
    private static async Task<HttpResponseMessage> ReplanResponseAsync(HttpClient api, Guid rundown, object change)
    {
        var version = (await RundownAsync(api, rundown))["version"]!.GetValue<int>();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{rundown}") { Content = JsonContent.Create(change) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await api.SendAsync(request, Cancel);
    }
}
