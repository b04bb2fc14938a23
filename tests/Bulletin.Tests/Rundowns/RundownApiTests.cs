using System.Net;
using System.Net.Http.Json;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;
using static Bulletin.Tests.Rundowns.RundownDesk;

namespace Bulletin.Tests.Rundowns;

/// <summary>
/// A five-minute show, 18:00:00 to a hard out at 18:05:00 KST (300 s), timed through the staff API and checked to the
/// second against the figures worked out by hand below, before and after a script edit, a move and a float.
/// </summary>
public sealed class RundownApiTests
{
    /// <summary>What the issue says every line carries.</summary>
    private static readonly string[] ItemFields =
        ["id", "kind", "storyId", "slug", "page", "duration", "textTime", "mediaTime", "floated", "frontTime", "backTime"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rundown_WithTheSampleStory_IsTimedToTheSecond_ThroughAnEditAMoveAndAFloat(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
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

        // The sample is read aloud at 160 words a minute: anchor 68 + reporter 191 + Peskov's soundbite 16 (no
        // recording, so read) + reporter 71 + sign-off 3 = 349 words; 349 × 60 / 160 = 130.875 s, rounded to 131 s.
        // The Korean story at 350 syllables a minute: anchor 70 + reporter 35 = 105 syllables = 18 s, plus its 20 s
        // soundbite recording = 38 s. Total 15 + 131 + 38 + 90 + 45 = 319 s: 19 s over the 300 s to the hard out.
        // Front times add up from 18:00:00; back time = 18:05:00 − (this line and all after it):
        //   OPEN  18:00:00, back 18:05:00 − 319 = 17:59:41
        //   RUSSIA 18:00:15, back − 304 = 17:59:56      북한군 18:02:26, back − 173 = 18:02:07
        //   BREAK 18:03:04, back − 135 = 18:02:45       LIVE  18:04:34, back − 45 = 18:04:15
        var first = await RundownAsync(producer, rundown);
        Assert.Equal(19, first["overUnder"]!.GetValue<int>());
        Assert.Equal(319, first["total"]!.GetValue<int>());
        Assert.Equal("2024-10-16T18:05:19+09:00", first["projectedEnd"]!.GetValue<string>());
        Assert.Equal(
            [
                ("OPEN", 15, 0, 0, "2024-10-16T18:00:00+09:00", "2024-10-16T17:59:41+09:00"),
                ("RUSSIA NK", 131, 131, 0, "2024-10-16T18:00:15+09:00", "2024-10-16T17:59:56+09:00"),
                ("북한군 파병", 38, 18, 20, "2024-10-16T18:02:26+09:00", "2024-10-16T18:02:07+09:00"),
                ("BREAK", 90, 0, 0, "2024-10-16T18:03:04+09:00", "2024-10-16T18:02:45+09:00"),
                ("LIVE SEOUL", 45, 0, 0, "2024-10-16T18:04:34+09:00", "2024-10-16T18:04:15+09:00"),
            ],
            Lines(first));
        var items = first["items"]!.AsArray();
        Assert.Equal([open, russia, troops, commercial, live], items.Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal(["other", "story", "story", "break", "live"], items.Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], items.Select(i => i!["page"]!.GetValue<string>()));
        Assert.Equal(korean, items[2]!["storyId"]!.GetValue<Guid>());
        Assert.Equal("draft", items[2]!["storyState"]!.GetValue<string>());
        Assert.All(items, i => Assert.False(i!["floated"]!.GetValue<bool>()));

        // The reporter adds 35 syllables to the Korean script in the story API: 140 syllables = 24 s, 44 s in all, and
        // the rundown, which never copied the text, is 325 s: 25 s over. Lines after it start 6 s later; back times
        // before it fall 6 s earlier: OPEN 18:05:00 − 325 = 17:59:35, RUSSIA − 310 = 17:59:50, 북한군 − 179 = 18:02:01.
        var edited = await PutAsync(reporter, korean, TroopsStory(edited: true), koreanVersion);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var afterEdit = await RundownAsync(producer, rundown);
        Assert.Equal(25, afterEdit["overUnder"]!.GetValue<int>());
        Assert.Equal(
            [
                ("OPEN", 15, 0, 0, "2024-10-16T18:00:00+09:00", "2024-10-16T17:59:35+09:00"),
                ("RUSSIA NK", 131, 131, 0, "2024-10-16T18:00:15+09:00", "2024-10-16T17:59:50+09:00"),
                ("북한군 파병", 44, 24, 20, "2024-10-16T18:02:26+09:00", "2024-10-16T18:02:01+09:00"),
                ("BREAK", 90, 0, 0, "2024-10-16T18:03:10+09:00", "2024-10-16T18:02:45+09:00"),
                ("LIVE SEOUL", 45, 0, 0, "2024-10-16T18:04:40+09:00", "2024-10-16T18:04:15+09:00"),
            ],
            Lines(afterEdit));

        // The live shot moves up to position 1, after the open. Still 325 s (25 over); fronts 0, 15, 15 + 45 = 60,
        // 60 + 131 = 191 (18:03:11), 191 + 44 = 235 (18:03:55); backs 18:05:00 − 325, − 310, − 265, − 134, − 90.
        var version = afterEdit["version"]!.GetValue<int>();
        var moved = await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{live}/move", new { position = 1 }, ifMatch: version);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, string.Join("\n", server.Logs.Lines));
        var afterMove = await ReadAsync(moved);
        Assert.Equal(25, afterMove["overUnder"]!.GetValue<int>());
        Assert.Equal(
            [
                ("OPEN", 15, 0, 0, "2024-10-16T18:00:00+09:00", "2024-10-16T17:59:35+09:00"),
                ("LIVE SEOUL", 45, 0, 0, "2024-10-16T18:00:15+09:00", "2024-10-16T17:59:50+09:00"),
                ("RUSSIA NK", 131, 131, 0, "2024-10-16T18:01:00+09:00", "2024-10-16T18:00:35+09:00"),
                ("북한군 파병", 44, 24, 20, "2024-10-16T18:03:11+09:00", "2024-10-16T18:02:46+09:00"),
                ("BREAK", 90, 0, 0, "2024-10-16T18:03:55+09:00", "2024-10-16T18:03:30+09:00"),
            ],
            Lines(afterMove));
        // The move kept the lines' page numbers (the floor still calls the live shot A5).
        Assert.Equal(["A1", "A5", "A2", "A3", "A4"], afterMove["items"]!.AsArray().Select(i => i!["page"]!.GetValue<string>()));

        // A change based on the version before the move is refused, and says which version is current.
        var stale = await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{open}/move", new { position = 4 }, ifMatch: version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(afterMove["version"]!.GetValue<int>(), (await ReadAsync(stale))["currentVersion"]!.GetValue<int>());

        // Floating the break takes its 90 s out: 235 s, 65 s under. Backs: 18:05:00 − 235 = 18:01:05, − 220 = 18:01:20,
        // − 175 = 18:02:05, − 44 = 18:04:16; the floated line has no front or back time.
        var floated = await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{commercial}/float");
        Assert.Equal(HttpStatusCode.OK, floated.StatusCode);
        var afterFloat = await RundownAsync(producer, rundown);
        Assert.Equal(-65, afterFloat["overUnder"]!.GetValue<int>());
        Assert.Equal(235, afterFloat["total"]!.GetValue<int>());
        Assert.Equal(
            [
                ("OPEN", 15, 0, 0, "2024-10-16T18:00:00+09:00", "2024-10-16T18:01:05+09:00"),
                ("LIVE SEOUL", 45, 0, 0, "2024-10-16T18:00:15+09:00", "2024-10-16T18:01:20+09:00"),
                ("RUSSIA NK", 131, 131, 0, "2024-10-16T18:01:00+09:00", "2024-10-16T18:02:05+09:00"),
                ("북한군 파병", 44, 24, 20, "2024-10-16T18:03:11+09:00", "2024-10-16T18:04:16+09:00"),
                ("BREAK", 90, 0, 0, null, null),
            ],
            Lines(afterFloat));
        Assert.True(afterFloat["items"]![4]!["floated"]!.GetValue<bool>());

        // Unfloated it counts again; deleted it is gone.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{commercial}/unfloat")).StatusCode);
        Assert.Equal(25, (await RundownAsync(producer, rundown))["overUnder"]!.GetValue<int>());
        var deleted = await producer.DeleteAsync(new Uri($"/api/newsroom/rundowns/{rundown}/items/{commercial}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var afterDelete = await RundownAsync(producer, rundown);
        Assert.Equal(-65, afterDelete["overUnder"]!.GetValue<int>());
        Assert.Equal(4, afterDelete["items"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Blocks_AddedWithABudget_TakeTheirLines_AndShowTheirOverUnder(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:05:00+09:00");
        var blocks = $"/api/newsroom/rundowns/{rundown}/blocks";

        // Two parts of the five minutes: 1부 with 2 minutes, 2부 with 3.
        var first = await producer.PostAsJsonAsync(blocks, new { name = "1부", budget = 120 }, Cancel);
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Cancel));
        Assert.Equal($"/api/newsroom/rundowns/{rundown}", first.Headers.Location?.OriginalString);
        var partOne = (await ReadAsync(first))["id"]!.GetValue<Guid>();
        var second = await producer.PostAsJsonAsync(blocks, new { name = "  2부\u0007 ", budget = 180 }, Cancel);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var partTwo = (await ReadAsync(second))["id"]!.GetValue<Guid>();

        // A line without a block goes to the last one; with blockId to the one named, at its end.
        var open = await AddAsync(producer, rundown, new { kind = "break", slug = "OPEN", duration = 90, blockId = partOne });
        var live = await AddAsync(producer, rundown, new { kind = "live", slug = "LIVE", duration = 45, blockId = partOne });
        var weather = await AddAsync(producer, rundown, new { kind = "other", slug = "WEATHER", duration = 60 });
        var promo = await AddAsync(producer, rundown, new { kind = "other", slug = "PROMO", duration = 30, blockId = partOne });

        // 1부: 90 + 45 + 30 = 165 s against 120, 45 over; 2부: 60 against 180, 120 under; the show 225 s, 75 under.
        var body = await RundownAsync(producer, rundown);
        Assert.Equal(
            [(partOne, "A", "1부", 120, 165, 45), (partTwo, "B", "2부", 180, 60, -120)],
            body["blocks"]!.AsArray().Select(b => (b!["id"]!.GetValue<Guid>(), b["letter"]!.GetValue<string>(), b["name"]!.GetValue<string>(),
                b["budget"]!.GetValue<int>(), b["total"]!.GetValue<int>(), b["overUnder"]!.GetValue<int>())));
        Assert.Equal(-75, body["overUnder"]!.GetValue<int>());
        var items = body["items"]!.AsArray();
        Assert.Equal([open, live, promo, weather], items.Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal(["A1", "A2", "A3", "B1"], items.Select(i => i!["page"]!.GetValue<string>()));
        Assert.Equal([partOne, partOne, partOne, partTwo], items.Select(i => i!["blockId"]!.GetValue<Guid>()));
        Assert.Equal("2024-10-16T18:02:45+09:00", items[3]!["frontTime"]!.GetValue<string>());

        // Floating the live shot takes its 45 s out of its block: 120 against 120, on budget.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{live}/float")).StatusCode);
        var floated = await RundownAsync(producer, rundown);
        Assert.Equal((120, 0), (floated["blocks"]![0]!["total"]!.GetValue<int>(), floated["blocks"]![0]!["overUnder"]!.GetValue<int>()));

        // A reporter may not add one; a block needs a budget that is not negative and a name that fits; a line names a
        // block the rundown has; none of these change the rundown.
        var version = floated["version"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync(blocks, new { name = "3부", budget = 60 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await producer.PostAsJsonAsync(blocks, new { name = "3부" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await producer.PostAsJsonAsync(blocks, new { name = "3부", budget = -1 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await producer.PostAsJsonAsync(blocks, new { name = new string('부', 201), budget = 60 }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await producer.PostAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items",
            new { kind = "break", slug = "X", duration = 5, blockId = Guid.CreateVersion7() }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await producer.PostAsJsonAsync($"/api/newsroom/rundowns/{Guid.CreateVersion7()}/blocks",
            new { name = "3부", budget = 60 }, Cancel)).StatusCode);
        var after = await RundownAsync(producer, rundown);
        Assert.Equal(version, after["version"]!.GetValue<int>());
        Assert.Equal(2, after["blocks"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rights_FollowTheWorkflowTable_ProducersRunTheShow_ReportersOnlyRead(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);

        // A reporter may not start a rundown nor add to one, but reads it.
        var refused = await reporter.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = "YTN 24", language = "ko", start = "2024-10-16T18:00:00+09:00", hardOut = "2024-10-16T18:30:00+09:00" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:30:00+09:00");
        var line = await AddAsync(producer, rundown, new { kind = "break", slug = "BREAK", duration = 120 });
        var add = await reporter.PostAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items", new { kind = "live", slug = "LIVE", duration = 30 }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(reporter, $"/api/newsroom/rundowns/{rundown}/activate")).StatusCode);
        var read = await RundownAsync(reporter, rundown);
        Assert.Empty(read["actions"]!.AsArray());

        // An editor shapes it while it is planned, but may not lock it, and not touch it once locked.
        await AddAsync(editor, rundown, new { kind = "live", slug = "LIVE", duration = 30 });
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/newsroom/rundowns/{rundown}/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/lock")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/newsroom/rundowns/{rundown}/items/{line}/float")).StatusCode);

        // The producer runs the show: activate, take (the break goes on air), and a second take is refused only for
        // want of a line, not for want of a right.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/activate")).StatusCode);
        var taken = await ReadAsync(await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/take"));
        Assert.Equal("on-air", taken["state"]!.GetValue<string>());
        Assert.Equal(line, taken["onAirItemId"]!.GetValue<Guid>());
        Assert.Contains("take", taken["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(editor, $"/api/newsroom/rundowns/{rundown}/take")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/dance")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/finish")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{line}/float")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_GivesOneDaysRundownsInOrderOfStart_AndPutNeedsIfMatch(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var evening = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:30:00+09:00");
        var morning = await CreateRundownAsync(producer, "2024-10-16T06:00:00+09:00", "2024-10-16T07:00:00+09:00");
        // 00:30 KST on the 17th is still the 16th in UTC: the air date is the newsroom's.
        await CreateRundownAsync(producer, "2024-10-17T00:30:00+09:00", "2024-10-17T01:00:00+09:00");

        var day = await producer.GetFromJsonAsync<List<RundownLine>>("/api/newsroom/rundowns?from=2024-10-16", Cancel);
        Assert.NotNull(day);
        Assert.Equal([morning, evening], day.Select(r => r.Id));
        Assert.Equal("2024-10-16T06:00:00+09:00", day[0].Start);
        var two = await producer.GetFromJsonAsync<List<RundownLine>>("/api/newsroom/rundowns?from=2024-10-16&to=2024-10-17&limit=2", Cancel);
        Assert.Equal(2, two?.Count);
        var tooLong = await producer.GetAsync(new Uri("/api/newsroom/rundowns?from=2024-01-01&to=2024-12-31", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var body = new { show = "YTN 24 저녁 (연장)", hardOut = "2024-10-16T18:40:00+09:00" };
        Assert.Equal(HttpStatusCode.PreconditionRequired,
            (await producer.PutAsJsonAsync($"/api/newsroom/rundowns/{evening}", body, Cancel)).StatusCode);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{evening}") { Content = JsonContent.Create(body) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var replanned = await producer.SendAsync(put, Cancel);
        Assert.Equal(HttpStatusCode.OK, replanned.StatusCode);
        var now = await ReadAsync(replanned);
        Assert.Equal(("YTN 24 저녁 (연장)", "2024-10-16T18:40:00+09:00", 2), (now["show"]!.GetValue<string>(), now["hardOut"]!.GetValue<string>(),
            now["version"]!.GetValue<int>()));
        // The same If-Match again is stale now.
        using var again = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{evening}") { Content = JsonContent.Create(body) };
        again.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, (await producer.SendAsync(again, Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ItemEdit_AProducersDurationStandsForTheScript_UntilTheScriptTimesItAgain_AndNextChoosesWhatTakeAirs(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var (korean, _) = await CreateAsync(reporter, TroopsStory());
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:01:00+09:00");
        var troops = await AddAsync(producer, rundown, new { storyId = korean });
        var live = await AddAsync(producer, rundown, new { kind = "live", slug = "LIVE", duration = 30 });

        // The story's own time is 38 s (18 s read, 20 s soundbite): 38 + 30 = 68 s, 8 s over the minute.
        var line = (await RundownAsync(producer, rundown))["items"]![0]!;
        Assert.Equal(("북한군 러시아 파병 정황", 38, "draft"), (line["slug"]!.GetValue<string>(), line["duration"]!.GetValue<int>(),
            line["storyState"]!.GetValue<string>()));

        // The producer gives it 25 s and marks it ready: 25 + 30 = 55 s, 5 s under; its text and media time still show.
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/rundowns/{rundown}/items/{troops}")
               {
                   Content = JsonContent.Create(new { duration = 25, state = "ready", slug = "북한군 파병" }),
               })
        {
            var set = await producer.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var body = await ReadAsync(set);
            Assert.Equal(-5, body["overUnder"]!.GetValue<int>());
            Assert.Equal(("북한군 파병", 25, 18, 20, "ready"), (body["items"]![0]!["slug"]!.GetValue<string>(), body["items"]![0]!["duration"]!.GetValue<int>(),
                body["items"]![0]!["textTime"]!.GetValue<int>(), body["items"]![0]!["mediaTime"]!.GetValue<int>(), body["items"]![0]!["state"]!.GetValue<string>()));
        }

        var back = await producer.PutAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items/{troops}", new { timedByScript = true }, Cancel);
        Assert.Equal(8, (await ReadAsync(back))["overUnder"]!.GetValue<int>());

        // A hard start of 18:00:30 on the live shot: it comes up at 18:00:38 (after the story's 38 s), 8 s late.
        var pinned = await producer.PutAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items/{live}", new { hardStart = "2024-10-16T18:00:30+09:00" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
        var pinnedLine = (await ReadAsync(pinned))["items"]![1]!;
        Assert.Equal(("2024-10-16T18:00:30+09:00", "2024-10-16T18:00:38+09:00", 8), (pinnedLine["hardStart"]!.GetValue<string>(),
            pinnedLine["frontTime"]!.GetValue<string>(), pinnedLine["hardStartOff"]!.GetValue<int>()));
        var wrong = await producer.PutAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items/{troops}", new { state = "maybe" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var missing = await producer.PutAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items/{Guid.CreateVersion7()}", new { slug = "X" }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // On air, Next picks the live shot over the story at the top, and Take puts it on air.
        var activated = await ReadAsync(await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/activate"));
        Assert.Equal(troops, activated["nextItemId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/next")).StatusCode);
        var next = await ReadAsync(await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/next", new { itemId = live }));
        Assert.Equal(live, next["nextItemId"]!.GetValue<Guid>());
        var taken = await ReadAsync(await PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/take"));
        Assert.Equal(live, taken["onAirItemId"]!.GetValue<Guid>());
        Assert.True(taken["items"]![1]!["onAir"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangesAtOnce_WithoutAVersion_AreAllMade_NoneLost(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:30:00+09:00");
        var lines = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            lines.Add(await AddAsync(producer, rundown, new { kind = "break", slug = $"BREAK {i}", duration = 60 }));
        }

        // Four producers float a line each at the same moment: each change is made on whatever the others saved.
        var floats = await Task.WhenAll(lines.Select(l => PostAsync(producer, $"/api/newsroom/rundowns/{rundown}/items/{l}/float")));

        Assert.All(floats, f => Assert.Equal(HttpStatusCode.OK, f.StatusCode));
        var after = await RundownAsync(producer, rundown);
        Assert.All(after["items"]!.AsArray(), i => Assert.True(i!["floated"]!.GetValue<bool>()));
        Assert.Equal(1 + 4 + 4, after["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task BadInput_GetsA4xxProblem_AndChangesNothing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var producer = (await StaffAccount.CreateAsync(server, "producer@test.example", StaffRoles.Producer)).Api(server);
        var rundown = await CreateRundownAsync(producer, "2024-10-16T18:00:00+09:00", "2024-10-16T18:30:00+09:00");

        async Task Refused(HttpStatusCode expected, Task<HttpResponseMessage> call, string what)
        {
            var response = await call;
            Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        const string Start = "2024-10-16T18:00:00+09:00";
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = new string('뉴', 201), start = Start, hardOut = "2024-10-16T18:30:00+09:00" }, Cancel), "a show name too long");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = "\u0001\u0002", start = Start, hardOut = "2024-10-16T18:30:00+09:00" }, Cancel), "a show name of control characters");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = "News", start = Start, hardOut = Start }, Cancel), "a hard out at the start");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = "News", language = "fr", start = Start, hardOut = "2024-10-16T18:30:00+09:00" }, Cancel), "a language we do not have");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync("/api/newsroom/rundowns", new { show = "News" }, Cancel), "no times");

        var items = $"/api/newsroom/rundowns/{rundown}/items";
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync(items, new { storyId = Guid.CreateVersion7() }, Cancel), "no such story");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync(items, new { kind = "story", slug = "X", duration = 10 }, Cancel), "a story line without a story");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync(items, new { kind = "break", slug = "BREAK", duration = -5 }, Cancel), "a negative duration");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync(items, new { kind = "break", slug = "\t ", duration = 5 }, Cancel), "a blank slug");
        await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync(items, new { kind = "break", slug = "BREAK", duration = 5, position = 3 }, Cancel),
            "a position past the end");
        using (var notJson = new StringContent("{\"position\":", System.Text.Encoding.UTF8, "application/json"))
        {
            var line = await AddAsync(producer, rundown, new { kind = "break", slug = "BREAK", duration = 5 });
            var response = await producer.PostAsync(new Uri($"{items}/{line}/move", UriKind.Relative), notJson, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await Refused(HttpStatusCode.BadRequest, producer.PostAsJsonAsync($"{items}/{line}/move", new { position = -1 }, Cancel), "a negative position");
            await Refused(HttpStatusCode.NotFound, producer.PostAsync(new Uri($"{items}/{line}/wiggle", UriKind.Relative), null, Cancel), "no such line action");
        }

        await Refused(HttpStatusCode.NotFound, producer.GetAsync(new Uri($"/api/newsroom/rundowns/{Guid.CreateVersion7()}", UriKind.Relative), Cancel),
            "no such rundown");
        await Refused(HttpStatusCode.NotFound, producer.PostAsync(new Uri($"{items}/{Guid.CreateVersion7()}/float", UriKind.Relative), null, Cancel),
            "no such line");
        var after = await RundownAsync(producer, rundown);
        Assert.Equal(2, after["version"]!.GetValue<int>());
        Assert.Single(after["items"]!.AsArray());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRundownRoutes_AndTheTimingFields()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var text = await server.Client.GetStringAsync(new Uri("/api/newsroom/openapi.json", UriKind.Relative), Cancel);
        var document = System.Text.Json.Nodes.JsonNode.Parse(text)!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/newsroom/rundowns", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/{action}", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/items", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/blocks", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/items/{itemId}", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/items/{itemId}/move", paths);
        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["RundownResponse"]!["properties"]!["overUnder"]);
        Assert.All(ItemFields, f => Assert.NotNull(schemas["RundownItemResponse"]!["properties"]![f]));
        Assert.NotNull(schemas["RundownItemRequest"]!["properties"]!["blockId"]);
        Assert.NotNull(schemas["RundownBlockRequest"]!["properties"]!["budget"]);
        Assert.NotNull(schemas["RundownBlockResponse"]!["properties"]!["overUnder"]);

        // Studio objects on lines, and read rates by presenter.
        Assert.Contains("/api/newsroom/rundowns/{id}/items/{itemId}/objects", paths);
        Assert.Contains("/api/newsroom/studio/objects", paths);
        Assert.Contains("/api/newsroom/rundowns/{id}/items/{itemId}/objects/{objId}", paths);
        Assert.NotNull(schemas["RundownObjectRequest"]!["properties"]!["objID"]);
        Assert.NotNull(schemas["RundownObjectResponse"]!["properties"]!["duration"]);
        Assert.NotNull(schemas["RundownItemResponse"]!["properties"]!["objects"]);
        Assert.NotNull(schemas["RundownItemUpdate"]!["properties"]!["clearHardStart"]);
        Assert.NotNull(schemas["RundownItemUpdate"]!["properties"]!["presenter"]);
        Assert.NotNull(schemas["RundownRequest"]!["properties"]!["readRate"]);
        Assert.NotNull(schemas["ReadRateJson"]!["properties"]!["koreanSyllablesPerMinute"]);
    }

    private sealed record RundownLine(Guid Id, string Show, string Start, string State, int Version);
}
