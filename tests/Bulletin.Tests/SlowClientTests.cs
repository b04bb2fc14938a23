using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Bulletin.Data;

namespace Bulletin.Tests;

/// <summary>
/// Clients that hold connections open by sending slowly (slow headers, a slow body) are cut off by the server's own
/// limits, and readers are served meanwhile. The limits are Kestrel's, set in appsettings.json (headers within 10
/// seconds) and by default (a body at 240 bytes a second after 5 seconds).
/// </summary>
public sealed class SlowClientTests
{
    private const int SlowClients = 100;

    [Fact]
    public async Task SlowHeadersAndSlowBodies_AreCutOff_WhileReadersAreServed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        // The tip form's own limit would answer most slow posts at once; it is lifted so that every body is read.
        await using var server = await BulletinServer.StartAsync(database, demo: true, settings: ["--Tips:SubmissionsPerWindow=1000"]);
        var clock = Stopwatch.StartNew();

        var slowHeaders = Enumerable.Range(0, SlowClients).Select(i => HoldAsync(server,
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", i2 => $"X-Slow-{i2}: {i}\r\n", cancellationToken)).ToList();
        var slowBodies = Enumerable.Range(0, SlowClients / 10).Select(i => HoldAsync(server,
            "POST /tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=slow\r\nContent-Length: 1000000\r\n\r\n"
            + "--slow\r\nContent-Disposition: form-data; name=\"Text\"\r\n\r\n",
            _ => "제보 ", cancellationToken)).ToList();

        // While they trickle, readers get the front page as usual.
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1000, cancellationToken);
            var asked = Stopwatch.StartNew();
            using var page = await server.Client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(asked.Elapsed < TimeSpan.FromSeconds(5), $"the front page took {asked.Elapsed.TotalMilliseconds:F0} ms");
        }

        var headerTimes = await Task.WhenAll(slowHeaders);
        var bodyTimes = await Task.WhenAll(slowBodies);
        // Headers are due within 10 s; Kestrel checks once a second, and the machine may be busy.
        Assert.All(headerTimes, t => Assert.InRange(t.TotalSeconds, 9, 25));
        // A body slower than 240 bytes a second is cut once its 5-second grace is over.
        Assert.All(bodyTimes, t => Assert.InRange(t.TotalSeconds, 4, 25));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40));
    }

    /// <summary>Opens a connection, sends <paramref name="start"/>, then a piece a second until the server closes it; how long it lasted.</summary>
    private static async Task<TimeSpan> HoldAsync(BulletinServer server, string start, Func<int, string> piece, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Address.Port), cancellationToken);
        var held = Stopwatch.StartNew();
        await socket.SendAsync(Encoding.ASCII.GetBytes(start), cancellationToken);
        var buffer = new byte[4096];
        var reading = socket.ReceiveAsync(buffer, cancellationToken).AsTask();
        for (var i = 0; held.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            if (await Task.WhenAny(reading, Task.Delay(1000, cancellationToken)) == reading)
            {
                // An answer (408) or the end of the connection: either way the server has let go.
                return held.Elapsed;
            }

            try
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(piece(i)), cancellationToken);
            }
            catch (SocketException)
            {
                return held.Elapsed;
            }
        }

        Assert.Fail("the server held a trickling connection open for a minute");
        return held.Elapsed;
    }
}
