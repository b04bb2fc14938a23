using System.Net;
using System.Xml.Linq;
using Bulletin.Broadcast.Mos;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Rundowns;
using Bulletin.Testing;
using Bulletin.Tests.Mos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bulletin.Tests.NewsroomApi;
using static Bulletin.Tests.Rundowns.RundownDesk;

namespace Bulletin.Tests.Rundowns;

/// <summary>
/// Stored rundowns reaching a real MOS device (NRK's mos-connection) through the host: activating sends the running
/// order with its durations, a move goes as roElementAction, a script edit in the story API goes as roStorySend with
/// the new Korean text, and a device that restarts gets everything again in full.
/// </summary>
public sealed class RundownMosTests
{
    private const string NcsId = "bulletin.ncs.rundowns.test";

    private static readonly string[] ItemFields = ["itemID", "itemSlug", "objID", "mosID", "itemEdDur"];

    private static string Id(Guid id) => RundownRunningOrder.Id(id);

    private static List<string> StoryIds(XElement runningOrder) => [.. runningOrder.Elements("story").Select(s => s.Element("storyID")!.Value)];

    // On both providers: the gateway reads running orders from the stored rundowns (DatabaseRunningOrders), and the
    // studio must see the same order, durations and scripts whichever database holds them.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ActivatedRundown_ReachesTheDevice_AndEveryChangeAfter_AndAResyncAfterARestart(DatabaseProvider provider)
    {
        var ports = MosDevice.FreePorts();
        var deviceId = $"device.{Guid.NewGuid():N}.test";
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await StartAsync(database, deviceId, ports);
        var gateway = server.Services.GetRequiredService<MosGateway>();
        await gateway.Started;
        var device = await MosDevice.StartAsync(deviceId, ports, NcsId, gateway.LowerPort, gateway.UpperPort);
        try
        {
            using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
            using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
            var (sample, _) = await CreateAsync(reporter, SampleStory(server));
            var (korean, koreanVersion) = await CreateAsync(reporter, TroopsStory());
            var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:05:00+09:00");
            var open = await AddAsync(producer, rundown, new { kind = "other", slug = "OPEN", duration = 15 });
            var russia = await AddAsync(producer, rundown, new { storyId = sample, slug = "RUSSIA NK" });
            var troops = await AddAsync(producer, rundown, new { storyId = korean, slug = "북한군 파병" });
            var commercial = await AddAsync(producer, rundown, new { kind = "break", slug = "BREAK", duration = 90 });
            var live = await AddAsync(producer, rundown, new { kind = "live", slug = "LIVE SEOUL", duration = 45 });
            // Planning is the newsroom's own business: the device is connected (and was resynchronised with nothing),
            // and no running order goes to the studio before the show is activated.
            await device.WaitForMessageAsync("reqMachInfo");
            await ResynchronisedAsync(gateway);
            Assert.Empty(device.Bodies("roCreate"));

            Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/activate")).StatusCode);

            // The durations are the ones the API test works out by hand: 15 s, 131 s (the sample read at 160 words a
            // minute), 38 s (18 s of Korean read and a 20 s soundbite), 90 s and 45 s.
            await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(troops));
            var create = Assert.Single(device.Bodies("roCreate"));
            Assert.Equal(Id(rundown), create.Element("roID")!.Value);
            Assert.Equal("00:05:00", create.Element("roEdDur")!.Value);
            Assert.Equal([Id(open), Id(russia), Id(troops), Id(commercial), Id(live)], StoryIds(create));
            Assert.Equal(["00:00:15", "00:02:11", "00:00:38", "00:01:30", "00:00:45"],
                create.Elements("story").Select(s => s.Descendants("Duration").Single().Value));
            Assert.Equal(["0", "131", "18", "0", "0"], create.Elements("story").Select(s => s.Descendants("TextTime").Single().Value));
            // After the order and its scripts, the show is cleared for air.
            await device.WaitForMessageAsync("roReadyToAir", r => r.Element("roID")!.Value == Id(rundown) && r.Element("roAir")!.Value == "READY");
            var script = device.Bodies("roStorySend").Single(s => s.Element("storyID")!.Value == Id(troops));
            Assert.Contains(script.Element("storyBody")!.Elements("p"), p => p.Value == KoreanReporter);

            // What the device says of a line shows on it in the API.
            var stat = await device.CommandAsync("roElementStat", new { roID = Id(rundown), storyID = Id(troops), status = "READY" });
            Assert.False(stat.TryGetProperty("error", out var error), error.ToString());
            var studio = (await RundownAsync(producer, rundown))["items"]![2]!["studio"]!.AsArray();
            Assert.Equal((deviceId, "READY"), (studio.Single()!["device"]!.GetValue<string>(), studio.Single()!["status"]!.GetValue<string>()));

            // The live shot moves up behind the open: one MOVE, before the sample story.
            var marker = device.Count;
            Assert.Equal(HttpStatusCode.OK,
                (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{live}/move", new { position = 1 })).StatusCode);
            await device.WaitForMessageAsync("roElementAction", a => a.Attribute("operation")?.Value == "MOVE", from: marker);
            var move = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "MOVE");
            Assert.Equal(Id(russia), move.Element("element_target")!.Element("storyID")!.Value);
            Assert.Equal([Id(live)], move.Element("element_source")!.Elements("storyID").Select(e => e.Value));

            // Floated and back on the connected device: the break leaves the studio's order (DELETE) and comes back
            // in its place, the last (INSERT before nothing).
            marker = device.Count;
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{commercial}/float")).StatusCode);
            await device.WaitForMessageAsync("roElementAction", a => a.Attribute("operation")?.Value == "DELETE", from: marker);
            var delete = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "DELETE");
            Assert.Equal([Id(commercial)], delete.Element("element_source")!.Elements("storyID").Select(e => e.Value));
            marker = device.Count;
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{commercial}/unfloat")).StatusCode);
            await device.WaitForMessageAsync("roElementAction", a => a.Attribute("operation")?.Value == "INSERT", from: marker);
            var insert = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "INSERT");
            Assert.Equal("", insert.Element("element_target")!.Element("storyID")!.Value);
            var back = Assert.Single(insert.Element("element_source")!.Elements("story"));
            Assert.Equal((Id(commercial), "00:01:30"), (back.Element("storyID")!.Value, back.Descendants("Duration").Single().Value));

            // The reporter edits the Korean script in the story API: the new timing (44 s) goes out as a replace, and
            // the script itself as roStorySend.
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(reporter, korean, TroopsStory(edited: true), koreanVersion)).StatusCode);
            await device.WaitForMessageAsync("roStorySend", s => s.Value.Contains(KoreanEdit, StringComparison.Ordinal));
            var edited = device.Bodies("roStorySend")[^1];
            Assert.Equal(Id(troops), edited.Element("storyID")!.Value);
            Assert.Equal([KoreanAnchor, "SOT 00:00:20: 김철수, 국방부 대변인", "러시아와의 협력은 주권 국가의 정당한 권리입니다.", KoreanReporter, KoreanEdit],
                edited.Element("storyBody")!.Elements("p").Select(p => p.Value));
            var replace = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "REPLACE");
            Assert.Equal(Id(troops), replace.Element("element_target")!.Element("storyID")!.Value);
            Assert.Equal("00:00:44", replace.Descendants("Duration").Single().Value);

            // Floated while the device is away (a restart), the break is left out of the full resync that follows.
            await device.DisposeAsync();
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{commercial}/float")).StatusCode);
            device = await MosDevice.StartAsync(deviceId, ports, NcsId, gateway.LowerPort, gateway.UpperPort);
            await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(troops));
            var again = Assert.Single(device.Bodies("roCreate"));
            Assert.Equal([Id(open), Id(live), Id(russia), Id(troops)], StoryIds(again));
            Assert.Equal(["00:00:15", "00:00:45", "00:02:11", "00:00:44"], again.Elements("story").Select(s => s.Descendants("Duration").Single().Value));
            Assert.Contains(device.Bodies("roStorySend"), s => s.Value.Contains(KoreanEdit, StringComparison.Ordinal));
            Assert.Empty(device.Bodies("roElementAction"));

            // The show runs two minutes longer: its header goes out again (roMetadataReplace) with the new duration.
            var current = await RundownAsync(producer, rundown);
            using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{rundown}")
                   {
                       Content = System.Net.Http.Json.JsonContent.Create(new { hardOut = "2024-10-16T18:07:00+09:00" }),
                   })
            {
                put.Headers.TryAddWithoutValidation("If-Match", $"\"{current["version"]}\"");
                Assert.Equal(HttpStatusCode.OK, (await producer.SendAsync(put, TestContext.Current.CancellationToken)).StatusCode);
            }

            var header = await device.WaitForMessageAsync("roMetadataReplace");
            Assert.Contains("<roEdDur>00:07:00</roEdDur>", header.GetProperty("xml").GetString(), StringComparison.Ordinal);

            // Finished, the show leaves the studio.
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/finish")).StatusCode);
            var deleted = await device.WaitForMessageAsync("roDelete");
            Assert.Contains(Id(rundown), deleted.GetProperty("xml").GetString(), StringComparison.Ordinal);
            // What the device said of its lines left with it.
            Assert.All((await RundownAsync(producer, rundown))["items"]!.AsArray(), i => Assert.Empty(i!["studio"]!.AsArray()));
        }
        finally
        {
            await device.DisposeAsync();
        }
    }

    // A story saved just as its show is activated: the pass over saved stories (the outbox's) can find the show on
    // air before the activation itself reaches the feed. The studio must still get the order once, as a roCreate
    // before its scripts, and then the show cleared for air; a roReplace of an order it never had would be refused.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStorySavedAsItsShowGoesOnAir_ReachesTheDeviceOnce_AsACreate(DatabaseProvider provider)
    {
        var ports = MosDevice.FreePorts();
        var deviceId = $"device.{Guid.NewGuid():N}.test";
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await StartAsync(database, deviceId, ports);
        var gateway = server.Services.GetRequiredService<MosGateway>();
        await gateway.Started;
        await using var device = await MosDevice.StartAsync(deviceId, ports, NcsId, gateway.LowerPort, gateway.UpperPort);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var (korean, _) = await CreateAsync(reporter, TroopsStory());
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:05:00+09:00");
        var troops = await AddAsync(producer, rundown, new { storyId = korean, slug = "북한군 파병" });
        await ResynchronisedAsync(gateway);

        var cancel = TestContext.Current.CancellationToken;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            var feed = scope.ServiceProvider.GetRequiredService<MosRundownFeed>();
            var stored = await db.Rundowns.WithRunningOrder().SingleAsync(r => r.Id == rundown, cancel);
            var before = stored.Status;
            Assert.True(stored.Activate(new Actor(null, "producer", [StaffRoles.Producer])).Succeeded);
            await db.SaveChangesAsync(cancel);
            // Saved on air; the story's pass gets to the feed first, then the activation.
            await feed.StoriesChangedAsync(db, [korean], cancel);
            await feed.ChangedAsync(db, stored, before, cancel);
        }

        await device.WaitForMessageAsync("roReadyToAir", r => r.Element("roID")!.Value == Id(rundown));
        var create = Assert.Single(device.Bodies("roCreate"));
        Assert.Equal([Id(troops)], StoryIds(create));
        Assert.Empty(device.Bodies("roReplace"));
        var sent = device.Received.SelectMany(m => m.Elements().Select(e => e.Name.LocalName))
            .Where(kind => kind.StartsWith("ro", StringComparison.Ordinal)).ToList();
        Assert.Equal(["roCreate", "roStorySend", "roReadyToAir"], sent);
    }

    // Profile 2 items: a producer attaches objects the device offers (its mosListAll, asked for on connecting) to a
    // line. One attached while planning goes out inside its story in the roCreate; one attached on air arrives as an
    // item INSERT in its story, and taking it off sends that item's DELETE. Neither times the line: the story's media
    // time is its soundbite's. Two lines exchanging places go out as one SWAP.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ObjectsAttachedToALine_ReachTheDeviceAsItemsOfItsStory_AndAnExchangeIsOneSwap(DatabaseProvider provider)
    {
        var ports = MosDevice.FreePorts();
        var deviceId = $"device.{Guid.NewGuid():N}.test";
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await StartAsync(database, deviceId, ports);
        var gateway = server.Services.GetRequiredService<MosGateway>();
        await gateway.Started;
        // 300 frames at 25 a second: a 12 s clip; a still graphic has no duration.
        await using var device = await MosDevice.StartAsync(deviceId, ports, NcsId, gateway.LowerPort, gateway.UpperPort,
            """[{"objID":"CLIP-0042","slug":"북한군 훈련 영상","duration":300,"timeBase":25},{"objID":"GFX-0001","slug":"이동 경로 그래픽","duration":0,"timeBase":25}]""");
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var (korean, _) = await CreateAsync(reporter, TroopsStory());
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:05:00+09:00");
        var open = await AddAsync(producer, rundown, new { kind = "other", slug = "OPEN", duration = 15 });
        var troops = await AddAsync(producer, rundown, new { storyId = korean, slug = "북한군 파병" });
        var live = await AddAsync(producer, rundown, new { kind = "live", slug = "LIVE SEOUL", duration = 45 });
        var inventory = server.Services.GetRequiredService<MosObjectInventory>();
        for (var wait = 0; wait < 300 && inventory.Find(deviceId, "CLIP-0042") is null; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(inventory.Find(deviceId, "CLIP-0042"));

        // What the devices offer, as a script finds it: by a word of the slug.
        var offered = System.Text.Json.Nodes.JsonNode.Parse(await producer.GetStringAsync(
            new Uri("/api/newsroom/studio/objects?find=훈련", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var listed = Assert.Single(offered.AsArray());
        Assert.Equal(("CLIP-0042", deviceId, 12.0), (listed!["objID"]!.GetValue<string>(), listed["device"]!.GetValue<string>(), listed["duration"]!.GetValue<double>()));

        // Only what a device offers can be attached, and a stale version is refused like every other change.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{troops}/objects", new { objID = "NO-SUCH-CLIP" })).StatusCode);
        var version = (await RundownAsync(producer, rundown))["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Conflict,
            (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{troops}/objects", new { objID = "GFX-0001" }, ifMatch: version - 1)).StatusCode);
        var graphic = await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{troops}/objects", new { objID = "GFX-0001" }, ifMatch: version);
        Assert.Equal(HttpStatusCode.Created, graphic.StatusCode);
        var graphicItem = (await ReadAsync(graphic))["id"]!.GetValue<Guid>();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/activate")).StatusCode);
        await device.WaitForMessageAsync("roReadyToAir", r => r.Element("roID")!.Value == Id(rundown));
        var create = Assert.Single(device.Bodies("roCreate"));
        Assert.Equal([Id(open), Id(troops), Id(live)], StoryIds(create));
        var inStory = create.Elements("story").Single(s => s.Element("storyID")!.Value == Id(troops)).Elements("item").Single();
        Assert.Equal([Id(graphicItem), "이동 경로 그래픽", "GFX-0001", deviceId],
            ItemFields.Take(4).Select(n => inStory.Element(n)!.Value));
        Assert.Empty(create.Elements("story").Where(s => s.Element("storyID")!.Value != Id(troops)).Elements("item"));

        // On air, the clip goes in after the graphic: an item INSERT at the end of the line's story.
        var marker = device.Count;
        var clip = await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{troops}/objects", new { objID = "CLIP-0042", device = deviceId });
        Assert.Equal(HttpStatusCode.Created, clip.StatusCode);
        var clipItem = (await ReadAsync(clip))["id"]!.GetValue<Guid>();
        var parsed = await device.WaitForAsync(l => l.GetProperty("event").GetString() == "parsed" && l.GetProperty("type").GetString() == "ROInsertItems",
            TimeSpan.FromSeconds(20), marker);
        var insert = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "INSERT");
        Assert.Equal((Id(troops), ""), (insert.Element("element_target")!.Element("storyID")!.Value, insert.Element("element_target")!.Element("itemID")!.Value));
        var item = insert.Element("element_source")!.Element("item")!;
        Assert.Equal([Id(clipItem), "북한군 훈련 영상", "CLIP-0042", deviceId, "300"],
            ItemFields.Select(n => item.Element(n)!.Value));
        Assert.Contains("CLIP-0042", parsed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(device.Bodies("roElementAction"), a => a.Attribute("operation")!.Value == "REPLACE");

        // The read model lists both; the clip's 12 s are shown, and the line is still timed by its script: 18 s read
        // and the 20 s soundbite.
        var line = (await RundownAsync(producer, rundown))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == troops)!;
        var objects = line["objects"]!.AsArray();
        Assert.Equal(["GFX-0001", "CLIP-0042"], objects.Select(o => o!["objID"]!.GetValue<string>()));
        Assert.Equal(12.0, objects[1]!["duration"]!.GetValue<double>());
        Assert.Equal(deviceId, objects[1]!["device"]!.GetValue<string>());
        Assert.Equal((38, 18, 20), (line["duration"]!.GetValue<int>(), line["textTime"]!.GetValue<int>(), line["mediaTime"]!.GetValue<int>()));

        // What the device says of the clip as an item shows on it.
        var stat = await device.CommandAsync("roElementStat", new { roID = Id(rundown), storyID = Id(troops), itemID = Id(clipItem), objID = "CLIP-0042", status = "PLAY" });
        Assert.False(stat.TryGetProperty("error", out var error), error.ToString());
        line = (await RundownAsync(producer, rundown))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == troops)!;
        Assert.Equal("PLAY", line["objects"]![1]!["studio"]!.AsArray().Single()!["status"]!.GetValue<string>());

        // Taken off: the clip's DELETE in its story, and nothing else of the story is sent again but its script.
        marker = device.Count;
        Assert.Equal(HttpStatusCode.OK, (await producer.DeleteAsync(
            new Uri($"/api/newsroom/rundowns/{rundown}/items/{troops}/objects/CLIP-0042", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        await device.WaitForAsync(l => l.GetProperty("event").GetString() == "parsed" && l.GetProperty("type").GetString() == "RODeleteItems",
            TimeSpan.FromSeconds(20), marker);
        var delete = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "DELETE");
        Assert.Equal(Id(troops), delete.Element("element_target")!.Element("storyID")!.Value);
        Assert.Equal([Id(clipItem)], delete.Element("element_source")!.Elements("itemID").Select(e => e.Value));
        Assert.Equal(HttpStatusCode.NotFound, (await producer.DeleteAsync(
            new Uri($"/api/newsroom/rundowns/{rundown}/items/{troops}/objects/CLIP-0042", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        // The live shot and the story exchange places (a move down by one): one SWAP of the two, no MOVE.
        marker = device.Count;
        Assert.Equal(HttpStatusCode.OK,
            (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{troops}/move", new { position = 2 })).StatusCode);
        await device.WaitForAsync(l => l.GetProperty("event").GetString() == "parsed" && l.GetProperty("type").GetString() == "ROSwapStories",
            TimeSpan.FromSeconds(20), marker);
        var swap = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "SWAP");
        Assert.Equal([Id(troops), Id(live)], swap.Element("element_source")!.Elements("storyID").Select(e => e.Value));
        Assert.DoesNotContain(device.Bodies("roElementAction"), a => a.Attribute("operation")!.Value == "MOVE");
        Assert.Equal(["OPEN", "LIVE SEOUL", "북한군 파병"], (await RundownAsync(producer, rundown))["items"]!.AsArray().Select(i => i!["slug"]!.GetValue<string>()));
    }

    private static Task<BulletinServer> StartAsync(TestDatabase database, string deviceId, (int Lower, int Upper, int Query) ports) =>
        BulletinServer.StartAsync(database, settings:
        [
            "--Mos:NcsId=" + NcsId, "--Mos:ListenAddress=127.0.0.1", "--Mos:Lower=0", "--Mos:Upper=0",
            "--Mos:AckTimeout=00:00:03", "--Mos:ReconnectDelay=00:00:00.300", "--Mos:HeartbeatInterval=00:00:01",
            "--Mos:Devices:0:Id=" + deviceId, "--Mos:Devices:0:Host=127.0.0.1",
            $"--Mos:Devices:0:Lower={ports.Lower}", $"--Mos:Devices:0:Upper={ports.Upper}",
        ]);

    /// <summary>The gateway has connected to the device and sent it what is on air (nothing, before an activation).</summary>
    private static async Task ResynchronisedAsync(MosGateway gateway)
    {
        for (var wait = 0; wait < 200 && gateway.Links[0].Resyncs < 1; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(gateway.Links[0].Resyncs >= 1, "The gateway never resynchronised the device.");
    }
}
