using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Bulletin.Broadcast.Mos;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bulletin.Tests.Mos;

/// <summary>
/// The gateway against a real MOS device (NRK's mos-connection): what the device receives is what a studio would.
/// The rundown: a Korean story of 88 syllables read in 15 s around a 20 s soundbite (35 s), a 2:00 break, an English
/// story of 30 s read plus a 1:30 package (2:00), and a 45 s live shot, in a five-minute show.
/// </summary>
public sealed class MosGatewayTests : IAsyncLifetime
{
    private static readonly Actor Producer = new(Guid.CreateVersion7(), "producer", [StaffRoles.Producer]);

    private const string NcsId = "bulletin.ncs.test";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    private readonly InMemoryRunningOrders _source = new();
    private readonly MosObjectInventory _inventory = new(100);
    private readonly MosStatusBoard _statuses = new();
    private readonly Guid _koreanStory = Guid.CreateVersion7();
    private readonly Guid _englishStory = Guid.CreateVersion7();
    private readonly Guid _korean = Guid.CreateVersion7();
    private readonly Guid _break = Guid.CreateVersion7();
    private readonly Guid _english = Guid.CreateVersion7();
    private readonly Guid _live = Guid.CreateVersion7();
    private readonly Dictionary<Guid, StoryContent> _scripts = [];
    private readonly (int Lower, int Upper, int Query) _devicePorts = MosDevice.FreePorts();
    private Rundown _rundown = null!;
    private MosGateway _gateway = null!;
    private MosDevice? _device;

    /// <summary>What the gateway logged, for a failure to show (a refused message, a lost device, a timeout).</summary>
    private readonly CapturedLogs _logs = new();

    private string DeviceId { get; } = $"device.{Guid.NewGuid():N}.test";

    public async ValueTask InitializeAsync()
    {
        _scripts[_koreanStory] = Korean("북한군 파병 소식입니다.");
        _scripts[_englishStory] = new StoryContent
        {
            Headline = "Troops",
            Language = Language.English,
            Segments =
            [
                new ScriptSegment(SegmentKind.Anchor, string.Join(' ', Enumerable.Repeat("troops crossed the border", 20))),
                new ScriptSegment(SegmentKind.Reporter, "Recorded voice-over.", Duration: TimeSpan.FromSeconds(90)),
            ],
        };
        _rundown = Rundown.Create(Guid.CreateVersion7(), "저녁 뉴스", new DateOnly(2026, 12, 1), Language.Korean, Start, Start.AddMinutes(5));
        _rundown.AddStory(Producer, _korean, _koreanStory, "북한군 파병");
        _rundown.AddLine(Producer, _break, RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));
        _rundown.AddStory(Producer, _english, _englishStory, "TROOPS");
        _rundown.AddLine(Producer, _live, RundownItemKind.Live, "LIVE SEOUL", TimeSpan.FromSeconds(45));
        _source.Put(RunningOrder());

        var options = new MosOptions
        {
            NcsId = NcsId,
            ListenAddress = "127.0.0.1",
            Lower = 0,
            Upper = 0,
            MaxMessageBytes = 64 * 1024,
            AckTimeout = TimeSpan.FromSeconds(3),
            ReconnectDelay = TimeSpan.FromMilliseconds(300),
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            Devices = [new MosDeviceOptions { Id = DeviceId, Host = "127.0.0.1", Lower = _devicePorts.Lower, Upper = _devicePorts.Upper }],
        };
        _gateway = new MosGateway(Options.Create(options), _source, _inventory, _statuses, TimeProvider.System,
            new Logger<MosGateway>(new LoggerFactory([_logs])));
        await _gateway.StartAsync(CancellationToken.None);
        await _gateway.Started;
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.StopAsync(CancellationToken.None);
        _gateway.Dispose();
        if (_device is not null)
        {
            await _device.DisposeAsync();
        }
    }

    private static StoryContent Korean(string lead) => new()
    {
        Headline = "북한군 파병",
        Language = Language.Korean,
        Segments =
        [
            new ScriptSegment(SegmentKind.Anchor, string.Join(' ', Enumerable.Repeat("북한군 파병", 14))),
            new ScriptSegment(SegmentKind.Soundbite, "녹취 내용입니다", Speaker: "김철수", Title: "국방부 대변인", Duration: TimeSpan.FromSeconds(20)),
            new ScriptSegment(SegmentKind.Reporter, lead),
        ],
        SignOff = "YTN 김영희입니다.",
    };

    private MosRunningOrder RunningOrder() => RundownRunningOrder.From(_rundown, _scripts);

    private async Task<MosDevice> StartDeviceAsync()
    {
        _device = await MosDevice.StartAsync(DeviceId, _devicePorts, NcsId, _gateway.LowerPort, _gateway.UpperPort);
        return _device;
    }

    private static string Id(Guid id) => RundownRunningOrder.Id(id);

    private static IEnumerable<string> StoryIds(XElement runningOrder) =>
        runningOrder.Elements("story").Select(s => s.Element("storyID")!.Value);

    [Fact]
    public async Task Device_ExchangesHeartbeatsAndMachineInfo()
    {
        var device = await StartDeviceAsync();

        var reqMachInfo = await device.WaitForMessageAsync("reqMachInfo");
        await device.WaitForMessageAsync("heartbeat");
        var reply = await device.CommandAsync("reqMachInfo");

        Assert.False(reply.TryGetProperty("error", out var error), error.ToString());
        var info = reply.GetProperty("result");
        Assert.Equal(NcsId, info.GetProperty("ID").ToString());
        Assert.Equal("2.8.5", info.GetProperty("mosRev").ToString());
        Assert.True(_gateway.Links[0].Connected);
        Assert.NotNull(_gateway.Links[0].MachineInfo);
        Assert.Equal("2.8.5", MosCodec.Text(_gateway.Links[0].MachineInfo!.Body, "mosRev"));
        Assert.NotEqual(default, reqMachInfo);
    }

    [Fact]
    public async Task RunningOrder_ArrivesInOrderWithDurations_AndEachStoryScript()
    {
        var device = await StartDeviceAsync();

        await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));

        var create = Assert.Single(device.Bodies("roCreate"));
        Assert.Equal(Id(_rundown.Id), create.Element("roID")!.Value);
        Assert.Equal("00:05:00", create.Element("roEdDur")!.Value);
        Assert.Equal([Id(_korean), Id(_break), Id(_english), Id(_live)], StoryIds(create));
        Assert.Equal(["A1", "A2", "A3", "A4"], create.Elements("story").Select(s => s.Element("storyNum")!.Value));
        Assert.Equal(["00:00:35", "00:02:00", "00:02:00", "00:00:45"],
            create.Elements("story").Select(s => s.Descendants("Duration").Single().Value));
        Assert.Equal(["15", "0", "30", "0"], create.Elements("story").Select(s => s.Descendants("TextTime").Single().Value));
        var parsed = await device.WaitForAsync(l => l.GetProperty("event").GetString() == "parsed" && l.GetProperty("type").GetString() == "roCreate",
            TimeSpan.FromSeconds(5));
        Assert.Equal(4, parsed.GetProperty("data").GetProperty("Stories").GetArrayLength());

        // The scripts follow the running order, story by story, once it is acknowledged.
        var kinds = device.Received.Select(m => m.Elements().Last().Name.LocalName).Where(k => k is "roCreate" or "roStorySend").ToList();
        Assert.Equal(["roCreate", "roStorySend", "roStorySend"], kinds);
    }

    [Fact]
    public async Task Move_ReachesTheDeviceAsAnElementActionMove()
    {
        var device = await StartDeviceAsync();
        await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));
        var before = RunningOrder();

        Assert.True(_rundown.MoveItem(Producer, _live, 1).Succeeded);
        var after = RunningOrder();
        _source.Put(after);
        foreach (var command in MosRunningOrderChanges.Between(before, after))
        {
            _gateway.Send(command);
        }

        var move = await device.WaitForMessageAsync("roElementAction", a => a.Attribute("operation")?.Value == "MOVE");
        var action = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "MOVE");
        Assert.Equal(Id(_break), action.Element("element_target")!.Element("storyID")!.Value);
        Assert.Equal([Id(_live)], action.Element("element_source")!.Elements("storyID").Select(e => e.Value));
        await device.WaitForAsync(l => l.GetProperty("event").GetString() == "parsed" && l.GetProperty("type").GetString() == "ROMoveStories",
            TimeSpan.FromSeconds(5));
        Assert.NotEqual(default, move);
    }

    [Fact]
    public async Task ScriptEdit_ReachesTheDeviceAsAStorySendWithTheKoreanText()
    {
        var device = await StartDeviceAsync();
        await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));
        var before = RunningOrder();

        _scripts[_koreanStory] = Korean("국방부는 오늘 오후 추가 파병 계획을 발표했습니다.");
        var after = RunningOrder();
        _source.Put(after);
        foreach (var command in MosRunningOrderChanges.Between(before, after))
        {
            _gateway.Send(command);
        }

        var sent = await device.WaitForMessageAsync("roStorySend", s => s.Value.Contains("추가 파병 계획", StringComparison.Ordinal));
        var story = device.Bodies("roStorySend")[^1];
        Assert.Equal(Id(_korean), story.Element("storyID")!.Value);
        var paragraphs = story.Element("storyBody")!.Elements("p").ToList();
        Assert.Contains(paragraphs, p => p.Value == "국방부는 오늘 오후 추가 파병 계획을 발표했습니다.");
        // The soundbite is a cue set apart, not a line for the presenter to read.
        Assert.Contains(paragraphs, p => p.Element("pi")?.Value == "SOT 00:00:20: 김철수, 국방부 대변인");
        Assert.Contains(paragraphs, p => p.Element("pkg")?.Value == "녹취 내용입니다");
        Assert.Equal("YTN 김영희입니다.", paragraphs[^1].Value);
        // The new lead reads longer, so the story's timing went out as a replace before the script.
        var replace = device.Bodies("roElementAction").Single(a => a.Attribute("operation")!.Value == "REPLACE");
        Assert.Equal(Id(_korean), replace.Element("element_target")!.Element("storyID")!.Value);
        Assert.NotEqual(default, sent);
    }

    [Fact]
    public async Task DeviceRestart_IsResynchronisedInFull_WithWhatChangedMeanwhile()
    {
        var device = await StartDeviceAsync();
        await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));
        await device.DisposeAsync();
        _device = null;

        // While the device is away the producer floats the break and moves the live shot up.
        var before = RunningOrder();
        _rundown.FloatItem(Producer, _break);
        _rundown.MoveItem(Producer, _live, 1);
        var after = RunningOrder();
        _source.Put(after);
        foreach (var command in MosRunningOrderChanges.Between(before, after))
        {
            _gateway.Send(command);
        }

        var restarted = await StartDeviceAsync();
        await restarted.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));

        var create = Assert.Single(restarted.Bodies("roCreate"));
        Assert.Equal([Id(_korean), Id(_live), Id(_english)], StoryIds(create));
        Assert.Empty(restarted.Bodies("roElementAction"));
        // The last script's acknowledgement may still be on its way back when the device has logged it, and on a
        // machine a whole test run loads it can take seconds.
        for (var wait = 0; wait < 200 && _gateway.Links[0].Resyncs < 2; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(_gateway.Links[0].Resyncs == 2,
            $"Resynchronised {_gateway.Links[0].Resyncs} times. The gateway logged:\n{string.Join('\n', _logs.Lines.TakeLast(20))}\n"
            + $"The device's last lines:\n{string.Join('\n', restarted.Lines.TakeLast(12).Select(l => l.GetRawText()[..Math.Min(300, l.GetRawText().Length)]))}");
    }

    [Fact]
    public async Task DeviceRequests_AreAnswered_AndStatusAndObjectsKept()
    {
        var device = await StartDeviceAsync();
        await device.WaitForMessageAsync("roStorySend", s => s.Element("storyID")!.Value == Id(_english));

        var list = await device.CommandAsync("roReq", new { roID = Id(_rundown.Id) });
        Assert.False(list.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal(4, list.GetProperty("result").GetProperty("Stories").GetArrayLength());

        var all = await device.CommandAsync("roReqAll");
        Assert.Equal(Id(_rundown.Id), all.GetProperty("result")[0].GetProperty("ID").ToString());

        var stat = await device.CommandAsync("roElementStat", new { roID = Id(_rundown.Id), storyID = Id(_korean), status = "PLAY" });
        Assert.False(stat.TryGetProperty("error", out error), error.ToString());
        var status = Assert.Single(_statuses.Of(Id(_rundown.Id)));
        Assert.Equal(("PLAY", Id(_korean), DeviceId), (status.Status, status.StoryId, status.DeviceId));

        var unknown = await device.CommandAsync("roElementStat", new { roID = "no-such-ro", storyID = "x", status = "PLAY" });
        Assert.Contains("Unknown running order", unknown.GetRawText(), StringComparison.Ordinal);

        await device.CommandAsync("mosObj", new { objID = "CLIP-0042", slug = "파병 현장 영상", duration = 750, timeBase = 25 });
        var clip = _inventory.Find(DeviceId, "CLIP-0042");
        Assert.NotNull(clip);
        Assert.Equal(("파병 현장 영상", TimeSpan.FromSeconds(30)), (clip.Slug, clip.Duration!.Value));
    }

    [Fact]
    public async Task Inventory_IsAskedForOnConnect_AndTheDevicesListAllIsKept()
    {
        // A graphics machine holding two objects it never announced: the gateway asks (mosReqAll) when it connects.
        _device = await MosDevice.StartAsync(DeviceId, _devicePorts, NcsId, _gateway.LowerPort, _gateway.UpperPort,
            """[{"objID":"GFX-0001","slug":"북한군 이동 경로 그래픽","duration":250,"timeBase":25},{"objID":"CLIP-0007","slug":"파병 현장","duration":1500,"timeBase":25}]""");
        // The ask follows the full resync of the running order, which takes a while on a loaded machine: as long as
        // the other waits on the device.
        for (var wait = 0; wait < 200 && _inventory.Find(DeviceId, "CLIP-0007") is null; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var graphic = _inventory.Find(DeviceId, "GFX-0001");
        var clip = _inventory.Find(DeviceId, "CLIP-0007");
        Assert.True(graphic is not null && clip is not null,
            "The inventory has not both objects. The device saw:\n" + string.Join("\n", _device.Lines.Select(l => l.ToString()[..Math.Min(300, l.ToString().Length)])));
        Assert.Equal(("북한군 이동 경로 그래픽", TimeSpan.FromSeconds(10)), (graphic.Slug, graphic.Duration!.Value));
        Assert.Equal(TimeSpan.FromMinutes(1), clip.Duration!.Value);
        Assert.NotEmpty(_device.Bodies("mosReqAll"));
    }

    [Fact]
    public async Task HostileInput_IsAnsweredWithErrors_AndTheConnectionLives()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _gateway.UpperPort, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var reader = new MosFrameReader(stream, 1 << 20);

        async Task<XElement> Answer(byte[] bytes)
        {
            await stream.WriteAsync(bytes, TestContext.Current.CancellationToken);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var frame = await reader.ReadAsync(timeout.Token);
            Assert.NotNull(frame?.Xml);
            return XElement.Parse(frame.Xml);
        }

        static byte[] Wire(string xml) => MosCodec.Wire.GetBytes(xml);
        static string Message(long id, string body) =>
            $"<mos><mosID>attacker</mosID><ncsID>{NcsId}</ncsID><messageID>{id}</messageID>{body}</mos>";

        // UTF-8 where UTF-16 big-endian belongs.
        var utf8 = await Answer(Encoding.UTF8.GetBytes(Message(1, "<roReq><roID>x</roID></roReq>")));
        Assert.Contains("UTF-16 big-endian", utf8.Element("roAck")!.Element("roStatus")!.Value, StringComparison.Ordinal);

        // Malformed XML: answered with its own message id.
        var malformed = await Answer(Wire(Message(2, "<roReq><roID>x</roReq>")));
        Assert.Equal("2", malformed.Element("messageID")!.Value);
        Assert.StartsWith("Malformed", malformed.Element("roAck")!.Element("roStatus")!.Value, StringComparison.Ordinal);

        // A DTD with an external entity: the DTD is refused, and the entity it declared is never resolved.
        var dtd = await Answer(Wire("<!DOCTYPE mos [<!ENTITY file SYSTEM \"file:///etc/passwd\">]>" + Message(3, "<roReq><roID>&file;</roID></roReq>")));
        Assert.Contains("DTD", dtd.Element("roAck")!.Element("roStatus")!.Value, StringComparison.Ordinal);
        var entity = await reader.ReadAsync(TestContext.Current.CancellationToken);
        var entityAnswer = XElement.Parse(entity!.Xml!);
        Assert.Equal("3", entityAnswer.Element("messageID")!.Value);
        Assert.DoesNotContain("root:", entity.Xml, StringComparison.Ordinal);

        // The shared XXE samples, sent as they are, where they are beside the repository.
        foreach (var sample in new[] { "classic_xxe_etc_passwd.xml", "billion_laughs.xml" })
        {
            if (Bulletin.Testing.Samples.Directory is { } samples && File.Exists(Path.Combine(samples, "security", "xxe", sample)))
            {
                var answer = await Answer(Wire(await File.ReadAllTextAsync(Path.Combine(samples, "security", "xxe", sample), TestContext.Current.CancellationToken)));
                Assert.DoesNotContain("root:", answer.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("dosdos", answer.ToString(), StringComparison.Ordinal);
            }
        }

        // Oversized: the gateway takes 64 KiB here; this is 200 KB.
        var oversized = await Answer(Wire(Message(4, $"<roReq><roID>{new string('x', 100_000)}</roID></roReq>")));
        Assert.Equal("4", oversized.Element("messageID")!.Value);
        Assert.Contains("larger than", oversized.Element("roAck")!.Element("roStatus")!.Value, StringComparison.Ordinal);

        // An unknown running order, then a heartbeat: the connection is still answering.
        var unknown = await Answer(Wire(Message(5, "<roReq><roID>no-such-ro</roID></roReq>")));
        Assert.Equal("5", unknown.Element("messageID")!.Value);
        Assert.Equal("Unknown running order 'no-such-ro'.", unknown.Element("roAck")!.Element("roStatus")!.Value);
        var heartbeat = await Answer(Wire(Message(6, "<heartbeat/>")));
        Assert.NotNull(heartbeat.Element("heartbeat"));
        Assert.Equal("attacker", heartbeat.Element("mosID")!.Value);

        var known = await Answer(Wire(Message(7, $"<roReq><roID>{Id(_rundown.Id)}</roID></roReq>")));
        Assert.Equal(4, known.Element("roList")!.Elements("story").Count());
    }
}
