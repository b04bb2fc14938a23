using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips.Desk;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

public sealed class TipScrubbingTests
{
    [Fact]
    public async Task EveryMetadataSample_SentByTheForm_HasAStaffCopyTheInspectorFindsClean()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Directory.GetFiles(Samples.Require("security/exif")).Order(StringComparer.Ordinal).ToArray();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var (response, page) = await TipTestKit.PostAsync(server.Client, "/en/tips", TipTestKit.TipForm("every metadata sample", null, samples));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".receipt"));
        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var id = (await desk.ListAsync(null, ct)).Single().Id;
        var tip = (await desk.ReadAsync(id, "tipdesk", ct))!;
        Assert.Equal(samples.Length, tip.Files.Count);
        var scrubbed = 0;
        foreach (var file in tip.Files)
        {
            var name = file.Name;
            if (name.EndsWith(".jpg", StringComparison.Ordinal) && !name.Contains("corrupted", StringComparison.Ordinal)
                || name.EndsWith(".png", StringComparison.Ordinal) || name.EndsWith(".mp4", StringComparison.Ordinal))
            {
                Assert.True(file.State == TipAttachmentState.Scrubbed, $"{name}: {file.State}");
            }

            if (file.State != TipAttachmentState.Scrubbed)
            {
                Assert.Contains("do not publish", file.Label.English, StringComparison.Ordinal);
                Assert.Contains("게재 금지", file.Label.Korean, StringComparison.Ordinal);
                continue;
            }

            var copy = Path.Combine(database.DataDirectory, "inspect-" + scrubbed + Path.GetExtension(name));
            await using (var staff = (await desk.OpenStaffCopyAsync(id, file.Id, ct))!)
            await using (var output = File.Create(copy))
            {
                await staff.CopyToAsync(output, ct);
            }

            var (exitCode, report) = await TipTestKit.InspectMetadataAsync(copy);
            Assert.True(exitCode == 0, $"{name}: {report}");
            if (!name.StartsWith("control", StringComparison.Ordinal))
            {
                Assert.True(file.HadMetadata, name + " should be flagged as having carried metadata");
            }

            File.Delete(copy);
            scrubbed++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{scrubbed} of {samples.Length} metadata samples scrubbed and passed the inspector");
        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, "CANARY"));
    }

    [Fact]
    public async Task HostileUploadsAndArchives_WithHostileNames_AreStoredSealedOrRefused_AndNothingLandsOutsideTheMediaFolder()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Directory.GetFiles(Samples.Require("security/upload"))
            .Concat(Directory.GetFiles(Samples.Require("security/archives")))
            .Order(StringComparer.Ordinal).ToList();
        var names = JsonSerializer.Deserialize<List<string>>(await File.ReadAllTextAsync(Samples.Require("security/upload/hostile_filenames.json"), ct))!;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:SubmissionsPerWindow=100"]);
        var receipts = 0;

        for (var batch = 0; batch * 10 < files.Count; batch++)
        {
            var form = new MultipartFormDataContent { { new StringContent("hostile batch <img src=x onerror=alert(1)>"), "text" } };
            var index = 0;
            foreach (var file in files.Skip(batch * 10).Take(10))
            {
                var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, ct));
                // Each file goes up under one of the hostile names, written raw into the part's header.
                var hostile = names[(batch * 10 + index++) % names.Count].Replace("\"", "'", StringComparison.Ordinal)
                    .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\0", "", StringComparison.Ordinal);
                content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileNameStar = hostile };
                form.Add(content);
            }

            var (response, page) = await TipTestKit.PostAsync(server.Client, "/tips", form);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"batch {batch}: {response.StatusCode} {page.QuerySelector(".tip-error")?.TextContent}");
            if (page.QuerySelector(".receipt") is not null)
            {
                receipts++;
            }
        }

        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var states = new Dictionary<TipAttachmentState, int>();
        foreach (var summary in await desk.ListAsync(null, ct))
        {
            foreach (var file in (await desk.ReadAsync(summary.Id, "tipdesk", ct))!.Files)
            {
                states[file.State] = states.GetValueOrDefault(file.State) + 1;
                Assert.DoesNotContain('/', file.Name);
                Assert.DoesNotContain('\\', file.Name);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{files.Count} hostile files in {receipts} tips: " + string.Join(", ", states.Select(s => $"{s.Key} {s.Value}")));
        Assert.Equal(files.Count, states.Values.Sum());
        var written = Directory.EnumerateFiles(database.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(database.DataDirectory, f).Replace('\\', '/')).ToList();
        Assert.All(written.Where(f => f.StartsWith("media", StringComparison.Ordinal)),
            f => Assert.Matches(@"^media/tips/[0-9a-f]{32}/[0-9a-f]{32}\.(original|staff)$", f));
        Assert.All(written.Where(f => !f.StartsWith("media", StringComparison.Ordinal)),
            f => Assert.Matches(@"^(bulletin\.db(-wal|-shm)?|keys/.*|search/.*)$", f));
        Assert.Empty(TipTestKit.FilesContaining(database.DataDirectory, "CANARY", "X5O!P%@AP"));
    }
}
