using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>The restore drill: back up while the newsroom works, restore into a new data directory, read everything.</summary>
public sealed class BackupTests
{
    private const string GpsPhoto = "security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backup_WhileStoriesArePublished_RestoresEveryStoryAndTipIntoANewDataDirectory(DatabaseProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var photo = Samples.Require(GpsPhoto);
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var backupFolder = Path.Combine(database.DataDirectory + "-backup");
        Dictionary<Guid, string> acknowledged = [];
        Dictionary<Guid, string> tipTexts = [];
        string deskToken;
        await using (var server = await BulletinServer.StartAsync(database))
        {
            var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
            var desk = await StaffAccount.CreateAsync(server, "desk@test.example", StaffRoles.TipDesk);
            deskToken = desk.Token;
            using var api = editor.Api(server);
            for (var i = 0; i < 10; i++)
            {
                acknowledged[await PublishAsync(api, $"백업 전 기사 {i}")] = $"백업 전 기사 {i}";
            }

            string[] sent = ["첫 번째 제보: 다리 밑 누수", "두 번째 제보: 사진 첨부", "Third tip: the school's roof"];
            for (var i = 0; i < sent.Length; i++)
            {
                var form = i == 1 ? TipTestKit.TipForm(sent[i], "010-0000-0000", photo) : TipTestKit.TipForm(sent[i]);
                var (response, _) = await TipTestKit.PostAsync(server.Client, "/tips", form);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            using var deskApi = desk.Api(server);
            foreach (var tip in (await deskApi.GetFromJsonAsync<JsonElement>("/api/newsroom/tips", cancellationToken)).GetProperty("tips").EnumerateArray())
            {
                var id = tip.GetProperty("id").GetGuid();
                var detail = await deskApi.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{id}", cancellationToken);
                tipTexts[id] = detail.GetProperty("text").GetString()!;
            }

            Assert.Equal(sent.Order(), tipTexts.Values.Order());

            // The newsroom keeps publishing while the backup runs: what was acknowledged before it began must be in it.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var during = Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    await PublishAsync(api, $"백업 중 기사 {n++}");
                }

                return n;
            }, cancellationToken);
            await Task.Delay(300, cancellationToken);
            var backup = await BulletinCli.RunAsync(database, "backup", backupFolder);
            await stop.CancelAsync();
            var publishedDuring = await during;

            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("The tip key is in the backup", backup.Output, StringComparison.Ordinal);
            Assert.True(publishedDuring > 0, "no story was published while the backup ran");
        }

        await using var restored = await BulletinServer.NewDatabaseAsync(provider, migrated: false);
        var restore = await BulletinCli.RunAsync(restored, "restore", backupFolder);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Matches("[0-9]+ stories, 3 tips", restore.Output);

        await using var again = await BulletinServer.StartAsync(restored);
        using var client = new HttpClient { BaseAddress = again.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", deskToken);
        foreach (var (id, text) in tipTexts)
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/newsroom/tips/{id}", cancellationToken);
            Assert.Equal(text, detail.GetProperty("text").GetString());
            foreach (var attachment in detail.GetProperty("attachments").EnumerateArray())
            {
                var url = attachment.GetProperty("url").GetString();
                Assert.NotNull(url);
                var file = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                var bytes = await file.Content.ReadAsByteArrayAsync(cancellationToken);
                Assert.NotEmpty(bytes);
                Assert.Equal(0xFF, bytes[0]); // the scrubbed copy is still a JPEG
            }
        }

        Assert.Contains(tipTexts, t => t.Value == "두 번째 제보: 사진 첨부");
        foreach (var (id, headline) in acknowledged)
        {
            var story = await client.GetFromJsonAsync<JsonElement>($"/api/public/stories/{id}", cancellationToken);
            Assert.Equal(headline, story.GetProperty("headline").GetString());
            var page = await client.GetAsync(new Uri(story.GetProperty("url").GetString()!, UriKind.RelativeOrAbsolute), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        TryDelete(backupFolder);
    }

    [Fact]
    public async Task Restore_WithoutOrWithTheWrongTipKey_SaysSoAndRestoresNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var backupFolder = database.DataDirectory + "-backup";
        var keyApart = database.DataDirectory + "-tips.key";
        await using (var server = await BulletinServer.StartAsync(database))
        {
            var (response, _) = await TipTestKit.PostAsync(server.Client, "/tips", TipTestKit.TipForm("열쇠 없이는 못 읽는 제보"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var backup = await BulletinCli.RunAsync(database, "backup", backupFolder, "--tip-key-to", keyApart);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains("NOT in the backup", backup.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(backupFolder, "keys", "tips.key")));
        Assert.True(File.Exists(keyApart));

        await using var target = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var withoutKey = await BulletinCli.RunAsync(target, "restore", backupFolder);
        Assert.Equal(1, withoutKey.ExitCode);
        Assert.Contains("made without its tip key", withoutKey.Error, StringComparison.Ordinal);

        var wrongKey = target.DataDirectory + "-wrong.key";
        await File.WriteAllTextAsync(wrongKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        var withWrongKey = await BulletinCli.RunAsync(target, "restore", backupFolder, "--tip-key", wrongKey);
        Assert.Equal(1, withWrongKey.ExitCode);
        Assert.Contains("does not open this backup's tips", withWrongKey.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target.DataDirectory, "bulletin.db")), "a refused restore wrote the database");

        var withKey = await BulletinCli.RunAsync(target, "restore", backupFolder, "--tip-key", keyApart);
        Assert.True(withKey.ExitCode == 0, withKey.Error);
        Assert.Contains("1 tips", withKey.Output, StringComparison.Ordinal);

        var intoUsed = await BulletinCli.RunAsync(target, "restore", backupFolder, "--tip-key", keyApart);
        Assert.Equal(1, intoUsed.ExitCode);
        Assert.Contains("new data directory", intoUsed.Error, StringComparison.Ordinal);

        File.Delete(Path.Combine(backupFolder, "manifest.json"));
        await using var third = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        var unfinished = await BulletinCli.RunAsync(third, "restore", backupFolder);
        Assert.Equal(1, unfinished.ExitCode);
        Assert.Contains("not a whole Bulletin backup", unfinished.Error, StringComparison.Ordinal);

        TryDelete(backupFolder);
        File.Delete(keyApart);
        File.Delete(wrongKey);
    }

    private static async Task<Guid> PublishAsync(HttpClient api, string headline)
    {
        var (id, _) = await NewsroomApi.CreateAsync(api, NewsroomApi.KoreanStory(headline));
        await NewsroomApi.ActAsync(api, id, "submit");
        await NewsroomApi.ActAsync(api, id, "approve");
        var published = await NewsroomApi.ActAsync(api, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Only leaves a folder in the temp directory.
        }
    }
}
