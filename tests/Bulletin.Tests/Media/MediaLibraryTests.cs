using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.Media.MediaUploads;

namespace Bulletin.Tests.Media;

/// <summary>
/// The media library through the staff API, as a newsroom client sees it: an upload answers with its id and url,
/// every rendition is served publicly as immutable with its own type and carries none of the original's metadata
/// (read by exiftool), and hostile or broken files are refused with a reason and leave nothing stored.
/// </summary>
public sealed class MediaLibraryTests
{
    private static string LibraryFolder(BulletinServer server) => Path.Combine(server.DataDirectory, "media", "library");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_GpsTaggedPhoto_EveryRenditionIsServedImmutableWithNoMetadata(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        var original = await File.ReadAllBytesAsync(Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg"), cancel);
        Assert.Contains(await ExifToolTagsAsync(original), t => t.StartsWith("GPS:", StringComparison.Ordinal));

        var response = await PostAsync(reporter, original, "../../제보 사진.jpg");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await NewsroomApi.ReadAsync(response);
        var id = item["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/newsroom/media/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("폭설에 갇힌 차량들", item["caption"]!.GetValue<string>());
        Assert.Equal("김하늘 기자", item["credit"]!.GetValue<string>());
        Assert.Equal("눈에 덮인 도로 위에 멈춰 선 차들", item["alt"]!.GetValue<string>());
        Assert.Equal("image/jpeg", item["originalType"]!.GetValue<string>());
        Assert.Equal(original.Length, item["originalBytes"]!.GetValue<long>());
        // The sample is 32 x 32: one width, never upscaled, in both types, and the three crops.
        var renditions = item["renditions"]!.AsArray();
        Assert.Equal(5, renditions.Count);
        Assert.All(renditions, r => Assert.True(r!["width"]!.GetValue<int>() <= 32));
        Assert.Equal(["16x9", "1x1", "4x3"], renditions.Select(r => r!["crop"]?.GetValue<string>()).OfType<string>().Order());

        using var reader = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(item["url"]!.GetValue<string>(), UriKind.Relative), cancel)).StatusCode);
        foreach (var rendition in renditions)
        {
            var file = await reader.GetAsync(new Uri(rendition!["url"]!.GetValue<string>(), UriKind.Relative), cancel);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(rendition["type"]!.GetValue<string>(), file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl!.ToString());
            var bytes = await file.Content.ReadAsByteArrayAsync(cancel);
            Assert.Equal(rendition["bytes"]!.GetValue<long>(), bytes.Length);
            var tags = await ExifToolTagsAsync(bytes);
            Assert.DoesNotContain(tags, t => t.StartsWith("GPS:", StringComparison.Ordinal) || t.StartsWith("IFD0:", StringComparison.Ordinal)
                || t.StartsWith("ExifIFD:", StringComparison.Ordinal) || t.StartsWith("XMP", StringComparison.Ordinal)
                || t.StartsWith("IPTC:", StringComparison.Ordinal) || t.StartsWith("IFD1:", StringComparison.Ordinal)
                || t.StartsWith("Photoshop:", StringComparison.Ordinal) || t.Contains("MakerNotes", StringComparison.Ordinal));
        }

        // The original is kept for making crops again, never served: it has no public address.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/media/{id:N}/original", UriKind.Relative), cancel)).StatusCode);
        Assert.True(File.Exists(Path.Combine(LibraryFolder(server), $"{id:N}", "original")));
        // The uploader's file name is no part of any path.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(LibraryFolder(server), "*", SearchOption.AllDirectories),
            p => p.Contains("제보", StringComparison.Ordinal) || p.Contains(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_PhotoTakenOnItsSide_IsMadeUpright_AtEveryWidthUpToItsOwn()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        // Stored 1400 x 700 with "rotate 90 CW" (6), as a phone held upright writes it: shown 700 x 1400.
        var sideways = await WithOrientationAsync(Jpeg(1400, 700), 6);

        var item = await UploadAsync(reporter, sideways);

        Assert.Equal(700, item["width"]!.GetValue<int>());
        Assert.Equal(1400, item["height"]!.GetValue<int>());
        var widths = item["renditions"]!.AsArray().Where(r => r!["crop"] is null).ToList();
        Assert.Equal(["w320.jpg", "w320.webp", "w640.jpg", "w640.webp"], widths.Select(r => r!["name"]!.GetValue<string>()).Order());
        Assert.All(widths, r => Assert.Equal(r!["width"]!.GetValue<int>() * 2, r["height"]!.GetValue<int>()));
        var crops = item["renditions"]!.AsArray().Where(r => r!["crop"] is not null).ToDictionary(r => r!["crop"]!.GetValue<string>());
        Assert.Equal((700, 394), (crops["16x9"]!["width"]!.GetValue<int>(), crops["16x9"]!["height"]!.GetValue<int>()));
        Assert.Equal((700, 700), (crops["1x1"]!["width"]!.GetValue<int>(), crops["1x1"]!["height"]!.GetValue<int>()));

        using var reader = new HttpClient { BaseAddress = server.Address };
        var served = await reader.GetByteArrayAsync(new Uri(widths.Single(r => r!["name"]!.GetValue<string>() == "w640.webp")!["url"]!.GetValue<string>(), UriKind.Relative), cancel);
        using var decoded = SkiaSharp.SKBitmap.Decode(served);
        Assert.Equal((640, 1280), (decoded.Width, decoded.Height));
    }

    [Theory]
    [InlineData("security/upload/pixel_flood_65500x65500.jpg", 422, "megapixels")]
    [InlineData("security/upload/pixel_flood_65535x65535.png", 422, "megapixels")]
    [InlineData("security/upload/png_magic_then_html.png", 422, "not a picture")]
    [InlineData("security/upload/polyglot_gif_html.gif", 415, "GIF")]
    [InlineData("security/upload/imagemagick_convert_local_etc_passwd.svg", 415, "JPEG, PNG or WebP")]
    [InlineData("security/upload/xss.html", 415, "JPEG, PNG or WebP")]
    [InlineData("security/exif/tip_video_gps_udta_xyz.mp4", 415, "Video")]
    public async Task Upload_HostileFile_IsRefusedWithAReason_AndNothingIsKept(string sample, int status, string reason)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        reporter.Timeout = TimeSpan.FromSeconds(60);
        var file = await File.ReadAllBytesAsync(Samples.Require(sample), cancel);
        var before = Process.GetCurrentProcess().PeakWorkingSet64;

        var response = await PostAsync(reporter, file, Path.GetFileName(sample));

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await NewsroomApi.ReadAsync(response);
        Assert.Contains(reason, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        // A 4-gigapixel header decoded would need 17 GB; the refusal comes from the header, with no buffer for it.
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 - before < 512L * 1024 * 1024);
        Assert.False(Directory.Exists(LibraryFolder(server)) && Directory.EnumerateFiles(LibraryFolder(server), "*", SearchOption.AllDirectories).Any());
        var list = await NewsroomApi.ReadAsync(await reporter.GetAsync(new Uri("/api/newsroom/media", UriKind.Relative), cancel));
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Upload_TruncatedPhoto_IsRefusedAsCutShort()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        var whole = Jpeg(800, 600);

        var response = await PostAsync(reporter, whole[..(whole.Length / 2)], "cut.jpg");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cut short", (await NewsroomApi.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_JpegWithHtmlHidden_IsServedOnlyReencoded()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        var polyglot = await File.ReadAllBytesAsync(Samples.Require("security/upload/polyglot_jpeg_html.jpg"), cancel);
        Assert.Contains("<", Encoding.Latin1.GetString(polyglot), StringComparison.Ordinal);

        var item = await UploadAsync(reporter, polyglot, "polyglot.jpg");

        using var reader = new HttpClient { BaseAddress = server.Address };
        foreach (var rendition in item["renditions"]!.AsArray())
        {
            var file = await reader.GetAsync(new Uri(rendition!["url"]!.GetValue<string>(), UriKind.Relative), cancel);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").First());
            var text = Encoding.Latin1.GetString(await file.Content.ReadAsByteArrayAsync(cancel));
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefusedBeforeItIsKept()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Media:MaxUploadBytes=200000"]);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        var large = new byte[600_000];
        Jpeg(64, 64).CopyTo(large, 0);

        var response = await PostAsync(reporter, large, "large.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 0.2 MB", (await NewsroomApi.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(LibraryFolder(server)) && Directory.EnumerateFiles(LibraryFolder(server), "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Library_IsListedNewestFirst_Searched_Paged_AndSavedOnlyOverTheVersionRead(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        using var tipDesk = (await StaffAccount.CreateAsync(server, "tips@test.example", StaffRoles.TipDesk)).Api(server);
        var photo = Jpeg(400, 300);
        var snow = await UploadAsync(reporter, photo, caption: "폭설 출근길", credit: "김하늘 기자");
        var fire = await UploadAsync(reporter, photo, caption: "Forest fire near Andong", credit: "Yonhap");
        var flood = await UploadAsync(reporter, photo, caption: "Flooded underpass", credit: "Viewer");

        var all = await NewsroomApi.ReadAsync(await reporter.GetAsync(new Uri("/api/newsroom/media?size=2", UriKind.Relative), cancel));
        Assert.Equal([flood["id"]!.GetValue<Guid>(), fire["id"]!.GetValue<Guid>()], all["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var next = await NewsroomApi.ReadAsync(await reporter.GetAsync(new Uri($"/api/newsroom/media?size=2&before={all["next"]}", UriKind.Relative), cancel));
        Assert.Equal([snow["id"]!.GetValue<Guid>()], next["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Null(next["next"]);
        var found = await NewsroomApi.ReadAsync(await reporter.GetAsync(new Uri("/api/newsroom/media?q=FIRE", UriKind.Relative), cancel));
        Assert.Equal([fire["id"]!.GetValue<Guid>()], found["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var korean = await NewsroomApi.ReadAsync(await reporter.GetAsync(new Uri("/api/newsroom/media?q=폭설", UriKind.Relative), cancel));
        Assert.Equal([snow["id"]!.GetValue<Guid>()], korean["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));

        var id = fire["id"]!.GetValue<Guid>();
        var change = new { caption = "Forest fire near Andong, Sunday", credit = "Yonhap", alt = "Smoke over a ridge", rights = "agency", source = "Yonhap", focalPoint = new { x = 0.2, y = 0.3 } };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PutAsync(editor, id, change, null)).StatusCode);
        var saved = await PutAsync(editor, id, change, 1);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag!.Tag);
        var body = await NewsroomApi.ReadAsync(saved);
        Assert.Equal("Smoke over a ridge", body["alt"]!.GetValue<string>());
        Assert.Equal(0.2, body["focalPoint"]!["x"]!.GetValue<double>());
        // A new focal point makes new crops under new names; the old files stay for pages cached with them.
        var crops = body["renditions"]!.AsArray().Where(r => r!["crop"] is not null).Select(r => r!["name"]!.GetValue<string>()).ToList();
        Assert.All(crops, name => Assert.EndsWith("-g1.jpg", name, StringComparison.Ordinal));
        using var reader = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/media/{id:N}/16x9-400.jpg", UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri($"/media/{id:N}/{crops[0]}", UriKind.Relative), cancel)).StatusCode);

        var stale = await PutAsync(reporter, id, change with { caption = "mine" }, 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await NewsroomApi.ReadAsync(stale);
        Assert.Equal(2, conflict["currentVersion"]!.GetValue<int>());
        Assert.Equal("mine", conflict["yours"]!["caption"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await tipDesk.GetAsync(new Uri("/api/newsroom/media", UriKind.Relative), cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(tipDesk, photo, "p.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync(new Uri($"/api/newsroom/media/{Guid.NewGuid()}", UriKind.Relative), cancel)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync<T>(HttpClient client, Guid id, T body, int? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/media/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
