using System.Net;
using System.Net.Sockets;
using System.Text;
using Bulletin.Testing;

namespace Bulletin.Ingest.Tests;

public sealed class HostileXmlTests
{
    public static TheoryData<string, IngestFormat> HostileFiles()
    {
        var data = new TheoryData<string, IngestFormat>();
        foreach (var file in new[] { "wxr_xxe_file_read.xml", "wxr_xxe_oob_loopback.xml", "wxr_billion_laughs.xml", "wxr_quadratic_blowup.xml",
                     "billion_laughs.xml", "classic_xxe_b64.xml", "classic_xxe_etc_passwd.xml", "xxe_oob_yunusov2013.xml" })
        {
            foreach (var format in new[] { IngestFormat.Auto, IngestFormat.Wxr, IngestFormat.NewsMlG2, IngestFormat.Feed })
            {
                data.Add(file, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Read_FileWithDtdOrEntities_ReadsNothingAndFetchesNothing(string file, IngestFormat format)
    {
        var path = Samples.Require($"security/xxe/{file}");
        // The out-of-band samples call 127.0.0.1:18081: a listener there must hear nothing.
        using var canary = await ListenAsync(18081);

        var results = StoryFiles.Read(File.ReadAllBytes(path), format);

        var result = Assert.Single(results);
        Assert.False(result.Ok);
        Assert.Null(result.Story);
        Assert.Matches("DTD|not well-formed|XML markup", result.Error);
        Assert.DoesNotContain("root:", result.Error, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await canary.AcceptTcpClientAsync(timeout.Token));
    }

    /// <summary>Other suites listen on the same canary port for their own samples: wait for it rather than fail.</summary>
    private static async Task<TcpListener> ListenAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 100)
            {
                listener.Dispose();
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public void Read_WxrWithScriptPayloads_KeepsOnlyTheText()
    {
        var results = StoryFiles.Read(File.ReadAllBytes(Samples.Require("security/xxe/wxr_stored_xss_items.xml")));

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        foreach (var story in results.Select(r => r.Story!))
        {
            var all = story.Headline + string.Concat(story.Segments.Select(s => s.Text));
            foreach (var payload in new[] { "<script", "javascript:", "onerror", "srcdoc", "<iframe", "<svg" })
            {
                Assert.DoesNotContain(payload, all, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Read_XmlPastTheSizeBound_IsRefused()
    {
        var big = new byte[StoryFiles.MaxBytes + 1];
        Encoding.ASCII.GetBytes("<rss>").CopyTo(big, 0);

        var result = Assert.Single(StoryFiles.Read(big));

        Assert.False(result.Ok);
        Assert.Contains("MB", result.Error, StringComparison.Ordinal);
    }
}
