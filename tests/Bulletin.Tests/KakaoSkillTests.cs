using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Channels.Kakao;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tests;

public sealed class KakaoSkillTests
{
    private const string Secret = "test-skill-secret-4f1c";

    [Fact]
    public async Task SamplePayloads_GetVersion2SkillAnswers_AndSendGivesAReceiptThatWorksOnTheWeb()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:Kakao:Secret=" + Secret]);
        var samples = Directory.GetFiles(Samples.Require("kakao-skill/requests"), "*.json")
            .Append(Samples.Require("security/json/kakao_skill_valid_tip.json"))
            .Append(Samples.Require("security/json/kakao_skill_xss_and_unicode.json"));

        foreach (var sample in samples)
        {
            var (status, answer) = await PostSkillAsync(server, await File.ReadAllTextAsync(sample, TestContext.Current.CancellationToken));
            // Each sample is a real request with a user and something said: each is a turn of a draft (200), never a
            // refusal; the hostile JSON has a test of its own.
            Assert.True(status == HttpStatusCode.OK, $"{Path.GetFileName(sample)}: {status}");
            AssertSkillAnswer(answer, Path.GetFileName(sample));
        }

        // The valid tip, then "보내기": a receipt, which opens the tip on the web.
        var tip = await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_valid_tip.json"), TestContext.Current.CancellationToken);
        var (sent, confirmation) = await PostSkillAsync(server, tip.Replace("시청 앞 공사장에서 폐기물 무단투기 제보합니다", "보내기", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, sent);
        var text = AssertSkillAnswer(confirmation, "send");
        var receipt = System.Text.RegularExpressions.Regex.Match(text, "[0-9A-Z]{4}(-[0-9A-Z]{4}){4}").Value;
        Assert.NotEmpty(receipt);
        var (_, page) = await TipTestKit.CheckReceiptAsync(server.Client, receipt);
        Assert.Equal("접수됨", page.QuerySelector(".status")!.TextContent);

        await using var db = database.NewContext();
        var stored = await db.ReaderTips.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TipChannel.Kakao, stored.Channel);
        Assert.NotNull(stored.SenderReference);
        Assert.DoesNotContain("CANARY", stored.SenderReference, StringComparison.Ordinal);
        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, "CANARY-BOTUSERKEY", "CANARY-PFUSERKEY", "무단투기"));
    }

    [Fact]
    public async Task MissingOrWrongSecret_Gets401()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:Kakao:Secret=" + Secret]);
        var body = await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_valid_tip.json"), TestContext.Current.CancellationToken);

        var (missing, _) = await PostSkillAsync(server, body, secret: null);
        var (wrong, _) = await PostSkillAsync(server, body, secret: Secret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
    }

    [Fact]
    public async Task HostileJson_GetsAClear400OrAnAnswer_NeverACrash()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:Kakao:Secret=" + Secret]);

        foreach (var sample in Directory.GetFiles(Samples.Require("security/json"), "*.json"))
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(sample, TestContext.Current.CancellationToken));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/tips/kakao") { Content = content };
            request.Headers.Add(KakaoSkill.SecretHeader, Secret);
            using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var name = Path.GetFileName(sample);
            // Only a request that names its sender and says something is a tip; every other one is refused with a 400,
            // whose body is still an answer the channel shows.
            var expected = name is "kakao_skill_valid_tip.json" or "kakao_skill_xss_and_unicode.json" or "kakao_skill_ssrf_callback_and_image.json"
                ? HttpStatusCode.OK
                : HttpStatusCode.BadRequest;
            Assert.True(response.StatusCode == expected, $"{name}: {response.StatusCode}, expected {expected}");
            AssertSkillAnswer(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), name);
        }

        // The server still answers a good request afterwards.
        var (status, _) = await PostSkillAsync(server, await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_valid_tip.json"), TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ImageUrls_AtPrivateOrLoopbackAddresses_AreNeverFetched()
    {
        using var canary = new TcpListener(IPAddress.Loopback, 0);
        canary.Start();
        var port = ((IPEndPoint)canary.LocalEndpoint).Port;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        // The hosts are even allowed by name: the address check at connect time must still refuse them.
        await using var server = await BulletinServer.StartAsync(database, settings:
        [
            "--Tips:Kakao:Secret=" + Secret,
            "--Tips:Kakao:ImageHosts:0=127.0.0.1",
            "--Tips:Kakao:ImageHosts:1=localhost",
        ]);
        var payload = await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_ssrf_callback_and_image.json"), TestContext.Current.CancellationToken);
        payload = payload.Replace("http://169.254.169.254/latest/meta-data/", $"http://127.0.0.1:{port}/photo.jpg", StringComparison.Ordinal)
            .Replace("http://[::ffff:127.0.0.1]:18081/CANARY-SSRF-IMG", $"http://localhost:{port}/photo2.jpg", StringComparison.Ordinal);

        var (status, answer) = await PostSkillAsync(server, payload);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0장만", AssertSkillAnswer(answer, "ssrf"), StringComparison.Ordinal);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(canary.Pending(), "the image fetcher connected to a loopback address");
    }

    [Fact]
    public async Task OneSender_IsLimitedLikeTheWebForm_KeepsTheDraftWhenRefused_AndOthersStillSend()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--Tips:Kakao:Secret=" + Secret, "--Tips:SubmissionsPerWindow=2", "--Tips:RateWindow=00:10:00", "--Tips:MaxTextLength=120"]);
        var sample = await File.ReadAllTextAsync(Samples.Require("security/json/kakao_skill_valid_tip.json"), TestContext.Current.CancellationToken);

        // Every call comes from Kakao's servers: only the sender tells one tipster from another.
        for (var tip = 1; tip <= 2; tip++)
        {
            await SayAsync(server, sample, "flooder", $"{tip}번째 제보: 공사장 폐기물");
            Assert.Matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", await SayAsync(server, sample, "flooder", "보내기"));
        }

        await SayAsync(server, sample, "flooder", "3번째 제보: 공사장 폐기물");
        var refused = await SayAsync(server, sample, "flooder", "보내기");
        Assert.Contains("제보를 너무 많이 보내셨습니다", refused, StringComparison.Ordinal);
        Assert.Contains("10분 뒤", refused, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", refused);

        await SayAsync(server, sample, "neighbour", "다리 밑 하천이 넘쳤습니다");
        Assert.Matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", await SayAsync(server, sample, "neighbour", "보내기"));

        // A draft holds no more than one tip may: the line that would overflow it is refused, the rest kept.
        await SayAsync(server, sample, "writer", new string('가', 80));
        Assert.Contains("제보 내용이 다 찼습니다", await SayAsync(server, sample, "writer", new string('나', 80)), StringComparison.Ordinal);
        Assert.Matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", await SayAsync(server, sample, "writer", "보내기"));

        await using var db = database.NewContext();
        Assert.Equal(4, await db.ReaderTips.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>One turn of a sender's conversation with the skill; the answer's text.</summary>
    private static async Task<string> SayAsync(BulletinServer server, string sample, string sender, string utterance)
    {
        var request = System.Text.Json.Nodes.JsonNode.Parse(sample)!;
        request["userRequest"]!["user"]!["id"] = "kakao-" + sender;
        request["userRequest"]!["user"]!["properties"] = new System.Text.Json.Nodes.JsonObject();
        request["userRequest"]!["utterance"] = utterance;
        var (status, body) = await PostSkillAsync(server, request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        return AssertSkillAnswer(body, $"{sender}: {utterance}");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostSkillAsync(BulletinServer server, string json, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tips/kakao")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(KakaoSkill.SecretHeader, secret);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "Kakao waits 5 s for a skill's answer");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Checks the answer is a v2.0 skill response with a simpleText, and returns the text.</summary>
    private static string AssertSkillAnswer(string body, string what)
    {
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.GetProperty("version").GetString() == "2.0", what);
        var output = document.RootElement.GetProperty("template").GetProperty("outputs")[0];
        var text = output.GetProperty("simpleText").GetProperty("text").GetString();
        Assert.False(string.IsNullOrWhiteSpace(text), what);
        return text!;
    }
}
