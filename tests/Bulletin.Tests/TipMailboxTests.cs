using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Channels.Email;
using Bulletin.Tips.Desk;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bulletin.Tests;

/// <summary>
/// The tips mailbox against a real Dovecot (and replies against a real SMTP server), which test.sh starts on
/// 127.0.0.1 and names in BULLETIN_TEST_IMAP and BULLETIN_TEST_SMTP. Each test works in a folder of its own.
/// </summary>
public sealed class TipMailboxTests
{
    [Fact]
    public async Task EmailTip_SurvivesACrashAfterFetchAndAnotherAfterStore_AndIsStoredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = await NewFolderAsync(Samples.Require("security/email/tip_with_gps_photo_and_ip_headers.eml"));
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: MailboxSettings(folder));
        var mailbox = server.Services.GetRequiredService<TipMailbox>();

        mailbox.FaultPoint = point => point == "fetched" ? throw new IOException("crash after fetch") : Task.CompletedTask;
        await Assert.ThrowsAsync<IOException>(() => mailbox.PollOnceAsync(ct));
        Assert.Equal(0, await CountTipsAsync(database));
        Assert.Equal(1, await UnreadAsync(folder));

        mailbox.FaultPoint = point => point == "stored" ? throw new IOException("crash after store, before \\Seen") : Task.CompletedTask;
        await Assert.ThrowsAsync<IOException>(() => mailbox.PollOnceAsync(ct));
        Assert.Equal(1, await CountTipsAsync(database));
        Assert.Equal(1, await UnreadAsync(folder));

        mailbox.FaultPoint = null;
        Assert.Equal(0, await mailbox.PollOnceAsync(ct));
        Assert.Equal(1, await CountTipsAsync(database));
        Assert.Equal(0, await UnreadAsync(folder));

        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var tip = (await desk.ReadAsync((await desk.ListAsync(null, ct)).Single().Id, "tipdesk", ct))!;
        Assert.Equal(TipChannel.Email, tip.Channel);
        Assert.Equal("kim.minji@example.test", tip.Contact);
        Assert.Contains("<script>", tip.Text, StringComparison.Ordinal);
        var photo = Assert.Single(tip.Files);
        Assert.Equal(TipAttachmentState.Scrubbed, photo.State);
        Assert.True(photo.HadMetadata);
        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, "CANARY", "203.0.113.77", "198.51.100.23", "kim.minji"));

        // Every file on disk is sealed, so the grep above would pass whatever was kept. What the desk reads, opened
        // with the tip key, must be free of the mail's network headers and the photo's metadata too.
        foreach (var leak in new[] { "203.0.113.77", "198.51.100.23", "CANARY-RECEIVED-IP" })
        {
            Assert.DoesNotContain(leak, tip.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(leak, tip.Contact ?? "", StringComparison.Ordinal);
        }

        await using var copy = (await desk.OpenStaffCopyAsync(tip.Id, photo.Id, ct))!;
        using var bytes = new MemoryStream();
        await copy.CopyToAsync(bytes, ct);
        Assert.True(bytes.Length > 0, "the staff copy of the photo is empty");
        Assert.True(photo.ContentType.StartsWith("image/", StringComparison.Ordinal), photo.ContentType);
        Assert.False(TipTestKit.Contains(bytes.ToArray(), "CANARY"u8.ToArray()), "the staff copy still carries the photo's metadata");
    }

    [Fact]
    public async Task EmailTips_WhileTheServerIsKilledOutrightAgainAndAgain_AreEachStoredExactlyOnce()
    {
        // The server polls every 200 ms and scrubs a photo per e-mail, so kills at random moments land between
        // fetching and storing, between storing and marking \Seen, and elsewhere. Whatever was in flight must be
        // stored on a later start, and nothing twice.
        var ct = TestContext.Current.CancellationToken;
        const int emails = 12;
        var sample = Samples.Require("security/email/tip_with_gps_photo_and_ip_headers.eml");
        var folder = await NewFolderAsync(emails, sample);
        var imap = Imap();
        (string, string)[] settings =
        [
            ("Tips__Mailbox__Host", imap.Host), ("Tips__Mailbox__Port", imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Tips__Mailbox__Security", "None"), ("Tips__Mailbox__UserName", imap.User), ("Tips__Mailbox__Password", imap.Password),
            ("Tips__Mailbox__Folder", folder), ("Tips__Mailbox__PollInterval", "00:00:00.2"),
        ];
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var random = new Random(20261127);
        var kills = 0;
        for (var round = 0; round < 6 && await UnreadAsync(folder) > 0; round++)
        {
            await using var server = await BulletinProcess.StartAsync(database, settings);
            await Task.Delay(random.Next(50, 900), ct);
            await server.KillAsync();
            kills++;
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"after kill {kills}: {await CountTipsAsync(database)} tips stored, {await UnreadAsync(folder)} e-mails unread");
        }

        await using (var last = await BulletinProcess.StartAsync(database, settings))
        {
            await Eventually.UntilAsync("the mailbox to have no unread e-mail", () => UnreadAsync(folder), n => n == 0, TimeSpan.FromMinutes(2));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{kills} kill -9 rounds while {emails} e-mails were taken in");
        Assert.Equal(0, await UnreadAsync(folder));
        Assert.Equal(emails, await CountTipsAsync(database));
    }

    [Fact]
    public async Task HostileEmails_AreStoredSafelyOrSetAside_AndTheMailAfterThemStillArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = Directory.GetFiles(Samples.Require("security/email"), "*.eml").Order(StringComparer.Ordinal).ToList();
        var folder = await NewFolderAsync([.. emails]);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: MailboxSettings(folder));
        var mailbox = server.Services.GetRequiredService<TipMailbox>();

        var stored = await mailbox.PollOnceAsync(ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"{emails.Count} hostile e-mails: {stored} stored as tips, {emails.Count - stored} set aside");
        // Each is a tip someone could have sent: all four are kept, each safely (the checks below), none dropped.
        Assert.Equal(emails.Count, stored);
        Assert.Equal(0, await UnreadAsync(folder));
        var written = Directory.EnumerateFiles(database.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(database.DataDirectory, f)).ToList();
        Assert.DoesNotContain(written, f => f.Contains("CANARY", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal));
        Assert.All(written.Where(f => f.StartsWith("media", StringComparison.Ordinal)), f => Assert.Matches(@"^media/tips/[0-9a-f]{32}/[0-9a-f]{32}\.(original|staff)$", f));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "CANARY_eml_traversal.sh")));
    }

    [Fact]
    public async Task DeskReply_ToAnEmailTip_GoesOutOverSmtpWithoutTheReceipt()
    {
        var ct = TestContext.Current.CancellationToken;
        var smtp = Environment.GetEnvironmentVariable("BULLETIN_TEST_SMTP");
        var maildir = Environment.GetEnvironmentVariable("BULLETIN_TEST_SMTP_MAILDIR");
        if (string.IsNullOrEmpty(smtp) || string.IsNullOrEmpty(maildir))
        {
            Assert.Skip("No SMTP server for tests: BULLETIN_TEST_SMTP and BULLETIN_TEST_SMTP_MAILDIR are not set (test.sh starts aiosmtpd and sets them).");
        }

        var folder = await NewFolderAsync(Samples.Require("security/email/tip_with_gps_photo_and_ip_headers.eml"));
        var (host, port) = Split(smtp);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings:
        [
            .. MailboxSettings(folder),
            "--Tips:Smtp:Host=" + host, "--Tips:Smtp:Port=" + port, "--Tips:Smtp:Security=None", "--Tips:Smtp:From=tips@newsroom.example.test",
        ]);
        Assert.Equal(1, await server.Services.GetRequiredService<TipMailbox>().PollOnceAsync(ct));
        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var id = (await desk.ListAsync(null, ct)).Single().Id;
        var marker = "REPLY-" + Guid.NewGuid().ToString("N");

        await desk.ReplyAsync(id, TipTestKit.Desk("reporter-kim"), "Thank you. Could you tell us when it was taken? " + marker, ct);

        var delivered = Directory.GetFiles(Path.Combine(maildir, "new")).Select(File.ReadAllText).Where(m => m.Contains(marker, StringComparison.Ordinal)).ToList();
        var message = Assert.Single(delivered);
        Assert.Contains("kim.minji@example.test", message, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", message);
    }

    private static (string Host, int Port) Split(string address)
    {
        var colon = address.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (string Host, int Port, string User, string Password) Imap()
    {
        var address = Environment.GetEnvironmentVariable("BULLETIN_TEST_IMAP");
        if (string.IsNullOrEmpty(address))
        {
            Assert.Skip("No IMAP server for tests: BULLETIN_TEST_IMAP is not set (test.sh starts a throwaway Dovecot and sets it).");
        }

        var (host, port) = Split(address);
        return (host, port, Environment.GetEnvironmentVariable("BULLETIN_TEST_IMAP_USER") ?? "tips",
            Environment.GetEnvironmentVariable("BULLETIN_TEST_IMAP_PASSWORD") ?? "");
    }

    private static string[] MailboxSettings(string folder)
    {
        var imap = Imap();
        return
        [
            "--Tips:Mailbox:Host=" + imap.Host, "--Tips:Mailbox:Port=" + imap.Port, "--Tips:Mailbox:Security=None",
            "--Tips:Mailbox:UserName=" + imap.User, "--Tips:Mailbox:Password=" + imap.Password,
            "--Tips:Mailbox:Folder=" + folder, "--Tips:Mailbox:AutoPoll=false",
        ];
    }

    private static async Task<ImapClient> ConnectAsync()
    {
        var imap = Imap();
        var client = new ImapClient();
        await client.ConnectAsync(imap.Host, imap.Port, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(imap.User, imap.Password, TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>A new folder holding the given messages, unread.</summary>
    /// <summary>A folder with <paramref name="copies"/> copies of one e-mail, each with a Message-ID of its own.</summary>
    private static async Task<string> NewFolderAsync(int copies, string email)
    {
        using var client = await ConnectAsync();
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = (await root.CreateAsync("t" + Guid.NewGuid().ToString("N")[..12], true, TestContext.Current.CancellationToken))!;
        for (var i = 0; i < copies; i++)
        {
            await using var stream = File.OpenRead(email);
            var message = await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("test.example");
            await folder.AppendAsync(message, MessageFlags.None, TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return folder.FullName;
    }

    private static async Task<string> NewFolderAsync(params string[] emails)
    {
        using var client = await ConnectAsync();
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = (await root.CreateAsync(name, true, TestContext.Current.CancellationToken))!;
        foreach (var email in emails)
        {
            await using var stream = File.OpenRead(email);
            var message = await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
            await folder.AppendAsync(message, MessageFlags.None, TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return folder.FullName;
    }

    private static async Task<int> UnreadAsync(string name)
    {
        using var client = await ConnectAsync();
        var folder = await client.GetFolderAsync(name, TestContext.Current.CancellationToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);
        var count = (await folder.SearchAsync(SearchQuery.NotSeen, TestContext.Current.CancellationToken)).Count;
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return count;
    }

    private static async Task<int> CountTipsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ReaderTips.CountAsync(TestContext.Current.CancellationToken);
    }
}
