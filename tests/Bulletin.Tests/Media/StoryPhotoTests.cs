using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Playwright;
using static Bulletin.Tests.Media.MediaUploads;

namespace Bulletin.Tests.Media;

/// <summary>
/// A photo uploaded through the API, made a story's lead and published, as readers and the apps that share a link
/// see it: the page sets it with srcset, sizes and its size, Chromium loads every rendition at the width the srcset
/// states, og:image and the JSON-LD images are absolute and sized, and a photo without alt text holds the story back.
/// </summary>
public sealed class StoryPhotoTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LeadPhoto_OnThePublishedPage_IsSetInEveryWidth_AndSharedAsASizedCard(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var lead = await UploadAsync(editor, Jpeg(2400, 1600), caption: "폭설에 갇힌 차량들", credit: "김하늘 기자", alt: "눈에 덮인 도로 위에 멈춰 선 차들");
        var inline = await UploadAsync(editor, Jpeg(900, 600), caption: "제설차", credit: "시청자 제보", alt: null);
        var leadId = lead["id"]!.GetValue<Guid>();
        var inlineId = inline["id"]!.GetValue<Guid>();
        var story = NewsroomApi.KoreanStory();
        story["leadMediaId"] = leadId.ToString();
        story["segments"]!.AsArray().Add(new JsonObject { ["kind"] = "photo", ["mediaId"] = inlineId.ToString(), ["text"] = "" });
        var (id, _) = await NewsroomApi.CreateAsync(editor, story);
        Assert.Equal(leadId, (await NewsroomApi.GetAsync(editor, id))["story"]!["leadMediaId"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(editor, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(editor, id, "approve")).StatusCode);

        // The inline photo has no alt text yet: the story is held back, and the desk is told which photo.
        var refused = await NewsroomApi.ActAsync(editor, id, "publish");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var reason = (await NewsroomApi.ReadAsync(refused))["detail"]!.GetValue<string>();
        Assert.Contains("alt text", reason, StringComparison.Ordinal);
        Assert.Contains("제설차", reason, StringComparison.Ordinal);
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/media/{inlineId}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { caption = "제설차", credit = "시청자 제보", alt = "도로의 눈을 치우는 제설차" }),
        })
        {
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(put, cancel)).StatusCode);
        }

        var published = await NewsroomApi.ActAsync(editor, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var path = (await NewsroomApi.ReadAsync(published))["url"]!.GetValue<string>();

        var (response, page) = await server.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var origin = server.Address.ToString().TrimEnd('/');
        var og = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Equal($"{origin}/media/{leadId:N}/16x9-1200.jpg", og);
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("675", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var images = jsonLd.RootElement.GetProperty("image").EnumerateArray().ToList();
        Assert.Equal([(1200, 675), (1200, 900), (1200, 1200)], images.Select(i => (i.GetProperty("width").GetInt32(), i.GetProperty("height").GetInt32())));
        Assert.All(images, i =>
        {
            Assert.Equal("ImageObject", i.GetProperty("@type").GetString());
            Assert.StartsWith(origin + "/media/", i.GetProperty("url").GetString(), StringComparison.Ordinal);
        });

        var img = page.QuerySelector(".lead-photo img")!;
        Assert.Equal(("1920", "1280"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("눈에 덮인 도로 위에 멈춰 선 차들", img.GetAttribute("alt"));
        Assert.Equal("eager", img.GetAttribute("loading"));
        Assert.NotNull(img.GetAttribute("sizes"));
        Assert.Equal("폭설에 갇힌 차량들", page.QuerySelector(".lead-photo .caption")!.TextContent);
        Assert.Equal("김하늘 기자", page.QuerySelector(".lead-photo .credit")!.TextContent);
        Assert.Equal("lazy", page.QuerySelector(".segment.photo img")!.GetAttribute("loading"));
        Assert.Equal("도로의 눈을 치우는 제설차", page.QuerySelector(".segment.photo img")!.GetAttribute("alt"));
        var candidates = page.QuerySelectorAll("picture source, picture img")
            .SelectMany(e => e.GetAttribute("srcset")!.Split(", "))
            .Select(c => c.Split(' ')).Select(c => (Url: c[0], Width: int.Parse(c[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Contains(candidates, c => c.Url.EndsWith("/w1920.webp", StringComparison.Ordinal) && c.Width == 1920);
        Assert.Contains(candidates, c => c.Url.EndsWith("/w320.jpg", StringComparison.Ordinal));

        // In the real browser: the page's lead is shown from one of its renditions, and each rendition decodes at the width its srcset states.
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = origin,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
        });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(path);
        await tab.WaitForFunctionAsync("() => { const i = document.querySelector('.lead-photo img'); return i.complete && i.naturalWidth > 0; }");
        var current = await tab.EvaluateAsync<string>("() => document.querySelector('.lead-photo img').currentSrc");
        // A 390 px phone at 2x wants about 780 px: the 960 px WebP serves it, not the 1920.
        Assert.EndsWith($"/media/{leadId:N}/w960.webp", current, StringComparison.Ordinal);
        foreach (var (url, width) in candidates)
        {
            var natural = await tab.EvaluateAsync<int>(
                "async url => { const i = new Image(); i.src = url; await i.decode(); return i.naturalWidth; }", url);
            Assert.True(natural == width, $"{url}: srcset says {width}w, the browser decoded {natural} px");
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task PhotoSegment_WithoutAMediaId_IsRefused()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var reporter = (await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter)).Api(server);
        var story = NewsroomApi.KoreanStory();
        story["segments"]!.AsArray().Add(new JsonObject { ["kind"] = "photo", ["text"] = "" });

        var response = await reporter.PostAsJsonAsync("/api/newsroom/stories", story, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mediaId", (await NewsroomApi.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LeadPhoto_OfAPublishedStory_TravelsInNinjsFeedsAndTheNewsSitemap(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var lead = await UploadAsync(editor, Jpeg(1600, 1200), caption: "Ferry at Mokpo", credit: "Kim Ha-neul", alt: "A ferry leaving a harbour at dusk");
        var leadId = lead["id"]!.GetValue<Guid>();
        var story = NewsroomApi.KoreanStory();
        story["language"] = "en";
        story["headline"] = "Ferries run again after the storm";
        story["leadMediaId"] = leadId.ToString();
        var (id, _) = await NewsroomApi.CreateAsync(editor, story);
        await NewsroomApi.ActAsync(editor, id, "submit");
        await NewsroomApi.ActAsync(editor, id, "approve");
        Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(editor, id, "publish")).StatusCode);
        var origin = server.Address.ToString().TrimEnd('/');
        var card = $"{origin}/media/{leadId:N}/16x9-1200.jpg";

        // ninjs 3.1: the lead as a picture association with its words and every rendition, valid against IPTC's schema.
        var ninjs = await server.Client.GetAsync(new Uri($"/api/public/stories/{id}/ninjs", UriKind.Relative), cancel);
        using var ninjsJson = JsonDocument.Parse(await ninjs.Content.ReadAsStringAsync(cancel));
        Assert.Empty(JsonSchemas.Errors(JsonSchemas.Ninjs(), ninjsJson.RootElement));
        var association = ninjsJson.RootElement.GetProperty("associations").EnumerateArray().Single();
        Assert.Equal("featureimage", association.GetProperty("name").GetString());
        Assert.Equal("picture", association.GetProperty("type").GetString());
        Assert.Equal("Ferry at Mokpo", association.GetProperty("headlines")[0].GetProperty("value").GetString());
        Assert.Equal("Kim Ha-neul", association.GetProperty("by").GetString());
        Assert.Equal("A ferry leaving a harbour at dusk", association.GetProperty("descriptions")[0].GetProperty("value").GetString());
        var renditions = association.GetProperty("renditions").EnumerateArray().ToList();
        Assert.Contains(renditions, r => r.GetProperty("href").GetString() == card && r.GetProperty("width").GetInt32() == 1200
            && r.GetProperty("height").GetInt32() == 675 && r.GetProperty("aspectRatio").GetString() == "16:9");
        Assert.Contains(renditions, r => r.GetProperty("href").GetString() == $"{origin}/media/{leadId:N}/w1280.webp"
            && r.GetProperty("contentType").GetString() == "image/webp" && r.GetProperty("height").GetInt32() == 960);

        // RSS read by a real feed reader: media:content with the card's address and size.
        var parsed = await FeedParser.ParseAsync([new Uri(server.Address, "/en/rss.xml")]);
        var entry = parsed.GetProperty("feeds")[0].GetProperty("entries").EnumerateArray().Single();
        var media = entry.GetProperty("media").EnumerateArray().Single();
        Assert.Equal(card, media.GetProperty("url").GetString());
        Assert.Equal("1200", media.GetProperty("width").GetString());
        Assert.Equal("image", media.GetProperty("medium").GetString());

        // JSON Feed 1.1, valid against its schema, with the card as the item's image.
        var feed = await server.Client.GetAsync(new Uri("/en/feed.json", UriKind.Relative), cancel);
        using var feedJson = JsonDocument.Parse(await feed.Content.ReadAsStringAsync(cancel));
        Assert.Empty(JsonSchemas.Errors(JsonSchemas.JsonFeed(), feedJson.RootElement));
        Assert.Equal(card, feedJson.RootElement.GetProperty("items")[0].GetProperty("image").GetString());

        // The news sitemap names the lead photo with image:image.
        var sitemap = System.Xml.Linq.XDocument.Parse(await server.Client.GetStringAsync(new Uri("/news-sitemap.xml", UriKind.Relative), cancel));
        System.Xml.Linq.XNamespace image = "http://www.google.com/schemas/sitemap-image/1.1";
        var loc = sitemap.Descendants(image + "image").Single().Element(image + "loc")!.Value;
        Assert.Equal($"{origin}/media/{leadId:N}/w960.jpg", loc);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(new Uri(loc), cancel)).StatusCode);
    }

    [Fact]
    public async Task Editor_PickingAPhoto_UploadsItAndMakesItTheLead_WhichLaterSavesKeep()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editorAccount = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editorAccount.Api(server);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignedInAsync(server, editorAccount.Email, editorAccount.Password);
        var file = Path.Combine(Path.GetTempPath(), $"bulletin-lead-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(file, Jpeg(1000, 750), cancel);
        try
        {
            await page.GotoAsync("/newsroom/stories/edit");
            await page.FillAsync("#headline", "한강 수상버스 첫 운항");
            await page.FillAsync("#text-0", "한강을 오가는 수상버스가 오늘 처음 운항을 시작했습니다.");
            await page.SetInputFilesAsync("#lead-photo-file", file);
            await page.FillAsync("#lead-photo-caption", "여의도 선착장의 수상버스");
            await page.FillAsync("#lead-photo-credit", "김하늘 기자");
            await page.FillAsync("#lead-photo-alt", "선착장에 댄 흰 수상버스");
            await page.ClickAsync("#action-submit");
            await Assertions.Expect(page.Locator("#story-status")).ToHaveTextAsync("submitted");
            await Assertions.Expect(page.Locator("#lead-photo-preview img")).ToHaveAttributeAsync("alt", "선착장에 댄 흰 수상버스");
            Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('#lead-photo-preview img'); return i.complete && i.naturalWidth === 960; }"));

            // A later save from the editor keeps the lead it did not touch.
            await page.FillAsync("#text-0", "한강을 오가는 수상버스가 오늘 아침 처음 운항을 시작했습니다.");
            await page.ClickAsync("#action-approve");
            await Assertions.Expect(page.Locator("#story-status")).ToHaveTextAsync("approved");
            var id = Guid.Parse(await page.Locator("#story-form").GetAttributeAsync("data-story") ?? "");
            var story = await NewsroomApi.GetAsync(api, id);
            var leadId = story["story"]!["leadMediaId"]!.GetValue<Guid>();
            var item = await NewsroomApi.ReadAsync(await api.GetAsync(new Uri($"/api/newsroom/media/{leadId}", UriKind.Relative), cancel));
            Assert.Equal("여의도 선착장의 수상버스", item["caption"]!.GetValue<string>());
            Assert.Equal("김하늘 기자", item["credit"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task LeadPhoto_OnS3CompatibleStorage_IsServedFromTheBucketWithNoMetadata()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var s3 = await S3TestServer.StartAsync();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings:
            ["--Media:Store=S3", $"--Media:S3:Bucket={s3.Bucket}", $"--Media:S3:ServiceUrl={s3.ServiceUrl}",
             $"--Media:S3:AccessKey={s3.AccessKey}", $"--Media:S3:SecretKey={s3.SecretKey}", "--Media:S3:Region=us-east-1"]);
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var gps = await File.ReadAllBytesAsync(Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_be.jpg"), cancel);
        var lead = await UploadAsync(editor, await WithOrientationAsync(Jpeg(1400, 1000), 1));
        var tagged = await UploadAsync(editor, gps, caption: "제보 사진", credit: "시청자 제보", alt: "골목의 가로등");
        var leadId = lead["id"]!.GetValue<Guid>();
        var story = NewsroomApi.KoreanStory();
        story["leadMediaId"] = leadId.ToString();
        story["segments"]!.AsArray().Add(new JsonObject { ["kind"] = "photo", ["mediaId"] = tagged["id"]!.GetValue<Guid>().ToString(), ["text"] = "" });
        var (id, _) = await NewsroomApi.CreateAsync(editor, story);
        await NewsroomApi.ActAsync(editor, id, "submit");
        await NewsroomApi.ActAsync(editor, id, "approve");
        var published = await NewsroomApi.ActAsync(editor, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        // Every file is in the bucket under a generated key; nothing was written under the data directory.
        var keys = await s3.KeysAsync();
        Assert.Contains($"{leadId:N}/w1280.webp", keys);
        Assert.Contains($"{leadId:N}/original", keys);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "media", "library")));

        var (_, page) = await server.GetPageAsync((await NewsroomApi.ReadAsync(published))["url"]!.GetValue<string>());
        var urls = page.QuerySelectorAll("picture source, picture img").SelectMany(e => e.GetAttribute("srcset")!.Split(", "))
            .Select(c => c.Split(' ')[0]).Distinct().ToList();
        Assert.Equal(4 * 2 + 1 * 2, urls.Count);
        foreach (var url in urls)
        {
            var file = await server.Client.GetAsync(new Uri(url, UriKind.Relative), cancel);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl!.ToString());
            var tags = await ExifToolTagsAsync(await file.Content.ReadAsByteArrayAsync(cancel));
            Assert.DoesNotContain(tags, t => t.StartsWith("GPS:", StringComparison.Ordinal) || t.StartsWith("IFD0:", StringComparison.Ordinal)
                || t.StartsWith("ExifIFD:", StringComparison.Ordinal) || t.StartsWith("XMP", StringComparison.Ordinal) || t.StartsWith("IPTC:", StringComparison.Ordinal));
        }
    }
}
