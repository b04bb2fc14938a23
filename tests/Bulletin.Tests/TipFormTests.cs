using System.Net;
using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Desk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

public sealed class TipFormTests
{
    private const string GpsPhoto = "security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_WithAGpsTaggedPhoto_ShowsAReceiptAndKeepsOnlyAScrubbedCopyAndASealedOriginal(DatabaseProvider provider)
    {
        var photo = Samples.Require(GpsPhoto);
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var marker = "CANARY-TIPTEXT-" + Guid.NewGuid().ToString("N");

        var (form, formPage) = await server.GetPageAsync("/tips");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.NotNull(formPage.QuerySelector("form.tip-form input[type=file][name=files]"));
        var (response, page) = await TipTestKit.PostAsync(server.Client, "/tips",
            TipTestKit.TipForm("시청 앞 공사장 폐기물 " + marker, "010-0000-0000", photo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/tips", response.RequestMessage!.RequestUri!.AbsolutePath);
        var receipt = page.QuerySelector(".receipt")?.TextContent;
        Assert.NotNull(receipt);
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", receipt);

        var (status, statusPage) = await TipTestKit.CheckReceiptAsync(server.Client, receipt);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("접수됨", statusPage.QuerySelector(".tip-status .status")!.TextContent);

        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var tip = Assert.Single(await desk.ListAsync(null, TestContext.Current.CancellationToken));
        var view = (await desk.ReadAsync(tip.Id, "tipdesk", TestContext.Current.CancellationToken))!;
        Assert.Contains(marker, view.Text, StringComparison.Ordinal);
        Assert.Equal("010-0000-0000", view.Contact);
        var file = Assert.Single(view.Files);
        Assert.Equal(TipAttachmentState.Scrubbed, file.State);
        Assert.True(file.HadMetadata);
        Assert.Equal("tip_photo_gps_exif_xmp_iptc_le.jpg", file.Name);

        // The staff copy passes the metadata inspector.
        var copy = Path.Combine(database.DataDirectory, "staff-copy-under-test.jpg");
        await using (var staff = (await desk.OpenStaffCopyAsync(tip.Id, file.Id, TestContext.Current.CancellationToken))!)
        await using (var output = File.Create(copy))
        {
            await staff.CopyToAsync(output, TestContext.Current.CancellationToken);
        }

        var (exitCode, report) = await TipTestKit.InspectMetadataAsync(copy);
        Assert.True(exitCode == 0, report);
        var (originalExit, originalReport) = await TipTestKit.InspectMetadataAsync(photo);
        Assert.True(originalExit == 1, "the sample itself should carry metadata: " + originalReport);
        File.Delete(copy);

        // Nothing the tipster sent is readable on disk: not the text, the contact, the EXIF block or the picture's bytes.
        var original = await File.ReadAllBytesAsync(photo, TestContext.Current.CancellationToken);
        var stored = Directory.EnumerateFiles(Path.Combine(database.DataDirectory, "media", "tips"), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, stored.Count);
        foreach (var path in stored)
        {
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.False(TipTestKit.Contains(bytes, "Exif\0\0"u8.ToArray()), path);
            Assert.False(TipTestKit.Contains(bytes, original.AsSpan(original.Length / 2, 64).ToArray()), path);
        }

        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, marker, "010-0000-0000", receipt, "CANARY", "tip_photo_gps"));
    }

    [Fact]
    public async Task TipPages_SendPrivacyHeaders_AndNoThirdPartyContent()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        foreach (var path in new[] { "/tips", "/en/tips", "/tips/receipt", "/en/tips/receipt" })
        {
            var (response, page) = await server.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
            var permissions = string.Join(",", response.Headers.GetValues("Permissions-Policy"));
            Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
            Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
            Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Null(response.Headers.ETag);
            var external = page.QuerySelectorAll("[src],[href],[action]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? e.GetAttribute("action") ?? "")
                .Where(u => u.Contains("//", StringComparison.Ordinal))
                .ToList();
            Assert.Empty(external);
        }

        var (_, english) = await server.GetPageAsync("/en/tips");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Send a tip", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_ShowsDeskRepliesButNotNotes_AndTakesMoreFromTheTipster()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var (_, page) = await TipTestKit.PostAsync(server.Client, "/en/tips", TipTestKit.TipForm("<script>alert(1)</script> flooding on Main St"));
        var receipt = page.QuerySelector(".receipt")!.TextContent;
        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var id = (await desk.ListAsync(null, TestContext.Current.CancellationToken)).Single().Id;
        await desk.AssignAsync(id, "reporter-kim", TipTestKit.Desk("editor-lee"), TestContext.Current.CancellationToken);
        await desk.ReplyAsync(id, TipTestKit.Desk("reporter-kim"), "<b>Thanks</b> - can you send a photo?", TestContext.Current.CancellationToken);
        await desk.AddNoteAsync(id, TipTestKit.Desk("reporter-kim"), "INTERNAL-NOTE call the district office", TestContext.Current.CancellationToken);

        var (_, status) = await TipTestKit.CheckReceiptAsync(server.Client, receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), path: "/en/tips/receipt");
        Assert.Equal("A reporter is on it", status.QuerySelector(".status")!.TextContent);
        var reply = Assert.Single(status.QuerySelectorAll(".from-desk .body"));
        Assert.Equal("<b>Thanks</b> - can you send a photo?", reply.TextContent);
        Assert.Empty(status.QuerySelectorAll(".from-desk b"));
        Assert.DoesNotContain("INTERNAL-NOTE", status.Body!.TextContent, StringComparison.Ordinal);

        var (_, added) = await TipTestKit.CheckReceiptAsync(server.Client, receipt, "Here is more: the water is rising", "/en/tips/receipt");
        Assert.NotNull(added.QuerySelector(".tip-added"));
        Assert.Contains("the water is rising", added.QuerySelector(".from-tipster .body")!.TextContent, StringComparison.Ordinal);

        var (_, refused) = await TipTestKit.CheckReceiptAsync(server.Client, receipt, "my receipt is " + receipt, "/en/tips/receipt");
        Assert.Contains("Do not include your receipt", refused.QuerySelector(".tip-error")!.TextContent, StringComparison.Ordinal);

        var (_, wrong) = await TipTestKit.CheckReceiptAsync(server.Client, "0000-0000-0000-0000-0000", path: "/en/tips/receipt");
        Assert.Contains("No tip has that receipt", wrong.QuerySelector(".tip-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithTheHoneypotFilled_IsRefusedWithoutAReceipt()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var form = TipTestKit.TipForm("buy cheap watches");
        form.Add(new StringContent("http://spam.example"), "website");

        var (response, page) = await TipTestKit.PostAsync(server.Client, "/tips", form);

        Assert.True(HttpStatusCode.Forbidden == response.StatusCode, string.Join("\n", server.Logs.Lines));
        Assert.Null(page.QuerySelector(".receipt"));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.ReaderTips.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Submit_OverTheFileLimits_IsRefusedClearlyAndLeavesNothing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:MaxTotalBytes=100000"]);
        var photo = Samples.Require(GpsPhoto);
        var big = Path.Combine(database.DataDirectory, "big.bin");
        await File.WriteAllBytesAsync(big, new byte[300_000], TestContext.Current.CancellationToken);

        var (tooMany, tooManyPage) = await TipTestKit.PostAsync(server.Client, "/en/tips", TipTestKit.TipForm("eleven files", null, Enumerable.Repeat(photo, 11).ToArray()));
        var (tooLarge, tooLargePage) = await TipTestKit.PostAsync(server.Client, "/en/tips", TipTestKit.TipForm("a big file", null, big));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 10 files", tooManyPage.QuerySelector(".tip-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("too large", tooLargePage.QuerySelector(".tip-error")!.TextContent, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.ReaderTips.CountAsync(TestContext.Current.CancellationToken));
        var tipsFolder = Path.Combine(database.DataDirectory, "media", "tips");
        Assert.True(!Directory.Exists(tipsFolder) || !Directory.EnumerateFileSystemEntries(tipsFolder).Any());
    }

    [Fact]
    public async Task Flood_FromOneClient_Gets429_WhileAnotherClientsTipsAllGetReceipts()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var flooder = TipTestKit.ClientFrom(server.Address, "127.0.0.2");
        using var genuine = TipTestKit.ClientFrom(server.Address, "127.0.0.1");
        int floodAccepted = 0, floodRefused = 0, genuineAccepted = 0, genuineRefused = 0;

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 6; i++)
            {
                var (response, _) = await TipTestKit.PostAsync(flooder, "/tips", TipTestKit.TipForm($"flood {round}-{i}"));
                _ = response.StatusCode == HttpStatusCode.TooManyRequests ? floodRefused++ : floodAccepted++;
            }

            var (answer, page) = await TipTestKit.PostAsync(genuine, "/tips", TipTestKit.TipForm($"genuine tip {round}"));
            _ = answer.StatusCode == HttpStatusCode.OK && page.QuerySelector(".receipt") is not null ? genuineAccepted++ : genuineRefused++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"flood client: {floodAccepted} accepted, {floodRefused} refused with 429; genuine client: {genuineAccepted} accepted, {genuineRefused} refused");
        Assert.Equal(5, floodAccepted);
        Assert.Equal(25, floodRefused);
        Assert.Equal(5, genuineAccepted);
        await using var db = database.NewContext();
        Assert.Equal(10, await db.ReaderTips.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WrongReceipts_FromOneClient_AreRateLimited()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var answers = new List<HttpStatusCode>();

        for (var i = 0; i < 25; i++)
        {
            var (response, _) = await TipTestKit.CheckReceiptAsync(server.Client, $"{i:D4}-0000-0000-0000-0000");
            answers.Add(response.StatusCode);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"wrong receipts: {answers.Count(a => a == HttpStatusCode.OK)} answered, {answers.Count(a => a == HttpStatusCode.TooManyRequests)} refused with 429");
        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }
}
