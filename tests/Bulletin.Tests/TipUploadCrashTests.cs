using System.Net;
using System.Net.Sockets;
using System.Text;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bulletin.Tests;

/// <summary>
/// The server killed outright (SIGKILL) while a tipster's file is streaming in: no half tip is stored, nothing of the
/// file is readable on disk, the next tip goes through, and the daily pass sweeps what the crash left.
/// </summary>
public sealed class TipUploadCrashTests
{
    private const string Canary = "CANARY-F3-UPLOAD-";

    [Fact]
    public async Task TipUpload_KilledMidFile_LeavesNoTipAndNothingReadable_AndTheLeftoversAreSweptLater()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        for (var round = 1; round <= 4; round++)
        {
            await using var server = await BulletinProcess.StartAsync(database);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Address.Port), cancellationToken);
            var head = "--crash\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + Canary + "text\r\n"
                + "--crash\r\nContent-Disposition: form-data; name=\"files\"; filename=\"video.mp4\"\r\nContent-Type: video/mp4\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                "POST /tips HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=crash\r\n"
                + $"Content-Length: {50_000_000}\r\n\r\n" + head), cancellationToken);

            // A little more of the file each round, then the server dies in the middle of it.
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Canary + "file ", 1000)));
            for (var sent = 0; sent < round * 256 * 1024; sent += chunk.Length)
            {
                await socket.SendAsync(chunk, cancellationToken);
            }

            await Task.Delay(300, cancellationToken);
            await server.KillAsync();
        }

        await using (var server = await BulletinProcess.StartAsync(database))
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
            var photo = Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg");
            var (response, page) = await TipTestKit.PostAsync(client, "/tips", TipTestKit.TipForm("after the crash, a tip with a photo", null, photo));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(page.QuerySelector(".receipt"));
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.ReaderTips.CountAsync(cancellationToken));
            Assert.Equal(1, await db.TipAttachments.CountAsync(cancellationToken));
        }

        var tips = Path.Combine(database.DataDirectory, "media", "tips");
        Assert.True(Directory.GetDirectories(tips).Length > 1, "the killed uploads left no folder: the test did not reach the file");
        foreach (var file in Directory.EnumerateFiles(database.DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.False(Contains(await File.ReadAllBytesAsync(file, cancellationToken), Encoding.ASCII.GetBytes(Canary)), $"{file} holds the upload in the clear");
        }

        // A day later the daily pass removes the folders no tip refers to, and keeps the tip's.
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(2));
        await using (var server = await BulletinServer.StartAsync(database, configure: builder =>
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(later))))
        {
            await server.Services.GetRequiredService<TipRetention>().RunOnceAsync(cancellationToken);
        }

        await using (var db = database.NewContext())
        {
            var kept = await db.ReaderTips.Select(t => t.Id).SingleAsync(cancellationToken);
            Assert.Equal([kept.ToString("N")], Directory.GetDirectories(tips).Select(Path.GetFileName));
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
