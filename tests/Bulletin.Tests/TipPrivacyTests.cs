using System.Net;
using System.Text;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Channels.Kakao;

namespace Bulletin.Tests;

public sealed class TipPrivacyTests
{
    private const string CanaryAgent = "CANARY-UA-9f3";
    private const string CanaryForwarded = "203.0.113.99";

    [Fact]
    public async Task TipsByWebAndKakao_LeaveNoClientAddressOrAgentInLogsDatabaseOrFiles()
    {
        var photo = Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg");
        var kakao = await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_valid_tip.json"), TestContext.Current.CancellationToken);
        var tempBefore = Directory.EnumerateFileSystemEntries(Path.GetTempPath()).ToHashSet();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings:
        [
            "--Tips:Kakao:Secret=s3cret",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:LogLevel:Microsoft=Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Trace",
        ]);
        // 127.0.0.2 is the client's address here; the server listens on 127.0.0.1 and may name its own address.
        using var client = TipTestKit.ClientFrom(server.Address, "127.0.0.2", CanaryAgent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", CanaryForwarded);
        client.DefaultRequestHeaders.Add("X-Real-IP", CanaryForwarded);

        var (form, _) = await TipTestKit.PostAsync(client, "/tips", TipTestKit.TipForm("privacy tip", null, photo));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        foreach (var utterance in new[] { "첫 줄", "보내기" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/tips/kakao")
            {
                Content = new StringContent(kakao.Replace("시청 앞 공사장에서 폐기물 무단투기 제보합니다", utterance, StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(KakaoSkill.SecretHeader, "s3cret");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (receipt, _) = await TipTestKit.CheckReceiptAsync(client, "0000-0000-0000-0000-0000");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);

        var logs = server.Logs.Lines.ToList();
        Assert.True(logs.Count > 20, "the host logged at Trace level");
        var leaks = logs.Where(l => l.Contains(CanaryAgent, StringComparison.Ordinal) || l.Contains(CanaryForwarded, StringComparison.Ordinal)
            || l.Contains("127.0.0.2", StringComparison.Ordinal) || l.Contains("CANARY-BOTUSERKEY", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, CanaryAgent, CanaryForwarded, "127.0.0.2", "CANARY-BOTUSERKEY", "CANARY-PFUSERKEY"));
        // ASP.NET buffers form files it reads itself into ASPNETCORE_*.tmp; the tip form must never let it.
        foreach (var entry in Directory.EnumerateFiles(Path.GetTempPath(), "ASPNETCORE_*").Where(e => !tempBefore.Contains(e)))
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(entry, TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // sockets and files of other processes
            }

            Assert.False(TipTestKit.Contains(bytes, Encoding.UTF8.GetBytes(CanaryAgent)), entry);
            Assert.False(TipTestKit.Contains(bytes, Encoding.UTF8.GetBytes(CanaryForwarded)), entry);
        }
    }
}
