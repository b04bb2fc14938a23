using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// What a browser or a CDN sees of a cached public page: its length, ETag and 304, compressed copies, Vary,
/// Cache-Control and HEAD; and that a change made on this node is what the very next request gets.
/// </summary>
public sealed class PageCacheTests
{
    [Fact]
    public async Task CachedStoryPage_AnswersWithLengthStrongETagVaryAndCdnCacheControl()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--PageCache:SharedMaxAge=00:05:00"]);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (_, url) = await PublishAsync(api, "폭설로 출근길 혼잡");

        using var first = await SendAsync(server, HttpMethod.Get, url);
        using var second = await SendAsync(server, HttpMethod.Get, url);
        var body = await BytesAsync(first);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("폭설로 출근길 혼잡", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.Null(first.Content.Headers.ContentEncoding.FirstOrDefault());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        Assert.Equal("public, max-age=0, s-maxage=300, stale-while-revalidate=60", first.Headers.CacheControl?.ToString());
        Assert.Equal("text/html; charset=utf-8", first.Content.Headers.ContentType?.ToString());

        // The copy kept answers exactly as the page did when it was rendered.
        Assert.Equal(body, await BytesAsync(second));
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(Headers(first), Headers(second));
    }

    [Fact]
    public async Task CachedPages_CompressedCopies_DecompressToTheSameBytes()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (_, url) = await PublishAsync(api, "폭설로 출근길 혼잡");

        foreach (var path in new[] { url, "/", "/rss.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml" })
        {
            using var plain = await SendAsync(server, HttpMethod.Get, path);
            Assert.True(plain.StatusCode == HttpStatusCode.OK, $"{path}: {plain.StatusCode}");
            var identity = await BytesAsync(plain);

            using var brotli = await SendAsync(server, HttpMethod.Get, path, ("Accept-Encoding", "gzip, deflate, br"));
            using var gzip = await SendAsync(server, HttpMethod.Get, path, ("Accept-Encoding", "br;q=0, gzip"));
            using var neither = await SendAsync(server, HttpMethod.Get, path, ("Accept-Encoding", "deflate, br;q=0"));

            Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
            var brotliBytes = await BytesAsync(brotli);
            Assert.Equal(brotliBytes.Length, brotli.Content.Headers.ContentLength);
            Assert.True(brotliBytes.Length < identity.Length, $"{path}: br {brotliBytes.Length} bytes, identity {identity.Length}");
            Assert.Equal(identity, Decompress(new BrotliStream(new MemoryStream(brotliBytes), CompressionMode.Decompress)));

            Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
            var gzipBytes = await BytesAsync(gzip);
            Assert.Equal(gzipBytes.Length, gzip.Content.Headers.ContentLength);
            Assert.Equal(identity, Decompress(new GZipStream(new MemoryStream(gzipBytes), CompressionMode.Decompress)));

            Assert.Empty(neither.Content.Headers.ContentEncoding);
            Assert.Equal(identity, await BytesAsync(neither));

            // Each representation has its own strong tag, and all say the answer depends on Accept-Encoding.
            Assert.Equal(3, new[] { plain.Headers.ETag, brotli.Headers.ETag, gzip.Headers.ETag }.Distinct().Count());
            Assert.All(new[] { plain, brotli, gzip }, r => Assert.Contains("Accept-Encoding", r.Headers.Vary));
            Assert.All(new[] { plain, brotli, gzip }, r => Assert.StartsWith("public, max-age=", r.Headers.CacheControl?.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task CachedPage_ReadAgainInBrotli_GetsASmallerCopyOfTheSamePageUnderTheSameTag()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (_, url) = await PublishAsync(api, "폭설로 출근길 혼잡");
        using var plain = await SendAsync(server, HttpMethod.Get, url);
        var identity = await BytesAsync(plain);

        // The first reader in Brotli gets a copy made while it waited; the next one asks for the smallest.
        using var first = await SendAsync(server, HttpMethod.Get, url, ("Accept-Encoding", "br"));
        var firstBytes = await BytesAsync(first);
        var tag = first.Headers.ETag!.Tag;
        var smallest = firstBytes;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (smallest.Length >= firstBytes.Length && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var again = await SendAsync(server, HttpMethod.Get, url, ("Accept-Encoding", "br"));
            smallest = await BytesAsync(again);
            Assert.Equal(tag, again.Headers.ETag!.Tag);
            Assert.Equal(smallest.Length, again.Content.Headers.ContentLength);
            Assert.Equal(identity, Decompress(new BrotliStream(new MemoryStream(smallest), CompressionMode.Decompress)));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(smallest.Length < firstBytes.Length, $"the Brotli copy stayed at {firstBytes.Length} bytes");
        // A reader holding the first copy still holds this page: its tag answers 304.
        using var notModified = await SendAsync(server, HttpMethod.Get, url, ("Accept-Encoding", "br"), ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task CachedPages_IfNoneMatchAndHead_Answer304AndHeadersWithoutABody()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (_, url) = await PublishAsync(api, "폭설로 출근길 혼잡");

        // A HEAD before any GET already carries what the GET will: it is rendered once and kept.
        using var head = await SendAsync(server, HttpMethod.Head, url);
        using var get = await SendAsync(server, HttpMethod.Get, url);
        var body = await BytesAsync(get);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await BytesAsync(head));
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(Headers(get), Headers(head));

        var tag = get.Headers.ETag!.Tag;
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var notModified = await SendAsync(server, method, url, ("If-None-Match", tag));
            using var weakened = await SendAsync(server, method, url, ("If-None-Match", $"\"other\", W/{tag}"));
            using var changed = await SendAsync(server, method, url, ("If-None-Match", "\"something-else\""));

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await BytesAsync(notModified));
            Assert.Equal(tag, notModified.Headers.ETag?.Tag);
            Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
            Assert.NotNull(notModified.Headers.CacheControl);
            Assert.Equal(HttpStatusCode.NotModified, weakened.StatusCode);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        // The gzip copy's tag is not the plain page's: a client holding one is not told it holds the other.
        using var gzipCopy = await SendAsync(server, HttpMethod.Get, url, ("Accept-Encoding", "gzip"), ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.OK, gzipCopy.StatusCode);
        using var gzipAgain = await SendAsync(server, HttpMethod.Get, url, ("Accept-Encoding", "gzip"), ("If-None-Match", gzipCopy.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.NotModified, gzipAgain.StatusCode);

        // A conditional request on a page not yet cached is still answered from the page as rendered.
        using var cold = await SendAsync(server, HttpMethod.Get, "/en", ("If-None-Match", "\"stale\""));
        Assert.Equal(HttpStatusCode.OK, cold.StatusCode);
        Assert.NotEmpty(await BytesAsync(cold));
    }

    [Fact]
    public async Task SectionPages_VaryByPageButNotByTrackingParameters()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var at = new DateTimeOffset(2024, 10, 16, 9, 0, 0, TestStories.SiteOffset);
        await TestStories.ImportAsync(database, [TestStories.Korean("첫 번째 폭설 기사", at), TestStories.Korean("두 번째 폭설 기사", at.AddHours(1))], "world");
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Site:PageSize=1"]);

        var (pageOne, one) = await server.GetPageAsync("/section/world");
        var (tracked, trackedPage) = await server.GetPageAsync("/section/world?utm_source=kakao&fbclid=abc");
        var (pageTwo, two) = await server.GetPageAsync("/section/world?page=2");

        Assert.Equal(HttpStatusCode.OK, pageTwo.StatusCode);
        Assert.Contains("두 번째 폭설 기사", one.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("첫 번째 폭설 기사", two.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(pageOne.Headers.ETag, pageTwo.Headers.ETag);
        Assert.Equal(pageOne.Headers.ETag, tracked.Headers.ETag);
        Assert.Equal(one.Body!.InnerHtml, trackedPage.Body!.InnerHtml);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_TheVeryNextRequest_ShowsTheStoryUnderANewETag(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (_, firstUrl) = await PublishAsync(api, "첫 번째 폭설 기사");

        foreach (var path in new[] { "/", firstUrl, "/rss.xml", "/news-sitemap.xml" })
        {
            using var before = await SendAsync(server, HttpMethod.Get, path);
            Assert.DoesNotContain("두 번째 폭설 기사", await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var etags = new Dictionary<string, string>();
        foreach (var path in new[] { "/", firstUrl, "/rss.xml", "/news-sitemap.xml" })
        {
            using var cached = await SendAsync(server, HttpMethod.Get, path);
            etags[path] = cached.Headers.ETag!.Tag;
        }

        await PublishAsync(api, "두 번째 폭설 기사");

        // No waiting: the request that published evicted this node's copies before it answered.
        foreach (var (path, old) in etags)
        {
            using var after = await SendAsync(server, HttpMethod.Get, path, ("If-None-Match", old));
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"{path}: {after.StatusCode}");
            Assert.Contains("두 번째 폭설 기사", await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.NotEqual(old, after.Headers.ETag!.Tag);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kill_TheVeryNextRequestForTheStory_Is410_EvenWhileReadersAreOnIt(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);

        for (var round = 0; round < 12; round++)
        {
            var (id, url) = await PublishAsync(api, $"폭설 속보 {round}");
            using var cached = await SendAsync(server, HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

            // Readers keep fetching the page while it is killed, so a rendering that began before the kill could be stored after it.
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 2).Select(_ => ReadUntilAsync(server, url, stop.Token)).ToList();
            await Task.Delay(20, TestContext.Current.CancellationToken);
            var killed = await ActAsync(api, id, "kill");
            Assert.Equal(HttpStatusCode.OK, killed.StatusCode);

            for (var i = 0; i < 5; i++)
            {
                using var next = await SendAsync(server, HttpMethod.Get, url);
                Assert.True(next.StatusCode == HttpStatusCode.Gone, $"round {round}, request {i} after the kill: {next.StatusCode}");
            }

            await stop.CancelAsync();
            await Task.WhenAll(readers);
            using var home = await SendAsync(server, HttpMethod.Get, "/");
            Assert.DoesNotContain($"폭설 속보 {round}<", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KillOnTheNewsroomPage_TheVeryNextRequestForTheStory_Is410(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });

        for (var round = 0; round < 3; round++)
        {
            var (id, url) = await PublishAsync(api, $"폭설 속보 {round}");
            using var cached = await SendAsync(server, HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);

            await SubmitEditFormAsync(session, id, "kill");
            Assert.Equal(HttpStatusCode.Redirect, session.LastStatus);

            using var next = await SendAsync(server, HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.Gone, next.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Correct_TheVeryNextRequestForTheStory_ShowsTheNote(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        using var api = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var (id, url) = await PublishAsync(api, "폭설로 출근길 혼잡");

        for (var round = 0; round < 5; round++)
        {
            var (_, before) = await server.GetPageAsync(url);
            Assert.DoesNotContain($"바로잡음 {round}.", before.QuerySelector("article")!.TextContent, StringComparison.Ordinal);

            var corrected = await ActAsync(api, id, "correct", new { note = $"바로잡음 {round}." });
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

            var (response, after) = await server.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"바로잡음 {round}.", after.QuerySelector(".correction")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    /// <summary>Creates a story through the staff API and takes it to published; returns its id and public path.</summary>
    private static async Task<(Guid Id, string Path)> PublishAsync(HttpClient api, string headline)
    {
        var (id, _) = await CreateAsync(api, KoreanStory(headline: headline, anchorText: headline + " 소식입니다."));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "approve")).StatusCode);
        var published = await ActAsync(api, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var url = new Uri((await ReadAsync(published))["url"]!.GetValue<string>(), UriKind.RelativeOrAbsolute);
        return (id, url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString);
    }

    /// <summary>Sends the story's edit form as a browser would, every field as the page filled it, with the given action button.</summary>
    private static async Task SubmitEditFormAsync(FormClient session, Guid id, string op)
    {
        var html = await session.GetAsync($"/newsroom/stories/edit/{id}");
        var form = new HtmlParser().ParseDocument(html).QuerySelector("#story-form")!;
        var fields = new Dictionary<string, string>();
        foreach (var field in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var type = field.GetAttribute("type");
            if (type is "submit" or "button" || (type is "checkbox" or "radio" && !field.HasAttribute("checked")))
            {
                continue;
            }

            fields[field.GetAttribute("name")!] = field switch
            {
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value ?? "",
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                _ => field.GetAttribute("value") ?? "",
            };
        }

        fields["op"] = op;
        await session.PostAsync($"/newsroom/stories/edit/{id}", $"/newsroom/stories/edit/{id}", fields);
    }

    private static async Task ReadUntilAsync(BulletinServer server, string url, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(BulletinServer server, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<byte[]> BytesAsync(HttpResponseMessage response) =>
        response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

    private static byte[] Decompress(Stream compressed)
    {
        using (compressed)
        {
            using var output = new MemoryStream();
            compressed.CopyTo(output);
            return output.ToArray();
        }
    }

    /// <summary>Every header but the date, as one comparable text.</summary>
    private static string Headers(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
}
