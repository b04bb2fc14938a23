using System.Text;
using Bulletin.Broadcast.Mos;

namespace Bulletin.Tests.Mos;

public sealed class MosFramingTests
{
    private static async Task<List<MosFrame>> Frames(params byte[][] writes)
    {
        var stream = new MemoryStream([.. writes.SelectMany(w => w)]);
        var reader = new MosFrameReader(stream, 1000);
        var frames = new List<MosFrame>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } frame)
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static byte[] Wire(string text) => MosCodec.Wire.GetBytes(text);

    [Fact]
    public async Task Messages_AreSplitOnTheirBalancedEnd_SkippingWhitespace()
    {
        var frames = await Frames(Wire("<mos><a/></mos>\r\n  <mos><b><mos>x</mos></b></mos>"));

        Assert.Equal(["<mos><a/></mos>", "<mos><b><mos>x</mos></b></mos>"], frames.Select(f => f.Xml));
    }

    [Fact]
    public async Task Declaration_AndDtd_AreRefusedAsJunk()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE data [\n<!ENTITY file SYSTEM \"file:///etc/passwd\">\n]>\n<data>&file;</data>\n";

        var frames = await Frames(Wire(xml));

        var refused = Assert.Single(frames);
        Assert.Null(refused.Xml);
        Assert.Contains("DTD", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_IsRefused_AndTheNextMessageIsStillRead()
    {
        var frames = await Frames(Encoding.UTF8.GetBytes("<mos><roReq/></mos>x"), Wire("<mos><heartbeat/></mos>"));

        Assert.Contains("UTF-16 big-endian", frames[0].Problem, StringComparison.Ordinal);
        Assert.Equal("<mos><heartbeat/></mos>", frames[^1].Xml);
    }

    [Fact]
    public async Task Oversized_IsRefusedOnce_WithItsMessageId_AndSkipped()
    {
        var big = $"<mos><messageID>42</messageID><roReq><roID>{new string('x', 5000)}</roID></roReq></mos>";

        var frames = await Frames(Wire(big), Wire("<mos><heartbeat/></mos>"));

        Assert.Equal(2, frames.Count);
        Assert.Equal("42", frames[0].MessageIdHint);
        Assert.Contains("larger than", frames[0].Problem, StringComparison.Ordinal);
        Assert.Equal("<mos><heartbeat/></mos>", frames[1].Xml);
    }

    [Theory]
    [InlineData("00:28:30", 1710)]
    [InlineData("0:28:30", 1710)]
    [InlineData("01:02:03", 3723)]
    public void Durations_ReadTheFormsPeersWrite(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), MosValues.ParseDuration(text));

    [Fact]
    public void Times_WithMilliseconds_AreRead() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), MosValues.ParseTime("2026-12-01T09:00:00,000Z"));

    [Fact]
    public void Envelope_WithSwappedIds_IsReadTolerantly()
    {
        Assert.True(MosCodec.TryParse("<mos><ncsID>us</ncsID><mosID>them</mosID><messageID>1670</messageID><roAck><roID>r</roID><roStatus>OK</roStatus></roAck></mos>",
            10_000, out var envelope, out _));

        Assert.Equal(("them", "us", 1670L, "roAck"), (envelope!.MosId, envelope.NcsId, envelope.MessageId, envelope.Kind));
    }

    [Fact]
    public void Sample_RoCreate_FromANewsroomSystem_IsParsed()
    {
        var body = File.ReadAllText(Bulletin.Testing.Samples.Require("mos/messages/roCreate.body.xml"));

        Assert.True(MosCodec.TryParse($"<mos><mosID>m</mosID><ncsID>n</ncsID><messageID>1</messageID>{body}</mos>", 1 << 20, out var envelope, out var problem), problem);
        Assert.Equal(2, envelope!.Body.Elements("story").Count());
    }
}
