using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class PublicSiteTests
{
    private const string SamplePage = "pages/ytn-en-2024-10-16-russia-north-korea.txt";
    private const string SamplePath = "/en/news/20241016-russia-even-mentions-military-aid-to-north-korea-north-korea";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstStart_OnAnEmptyDatabase_ServesADemoNewsroomInBothEditions(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider, migrated: false);
        await using var server = await BulletinServer.StartAsync(database, demo: true);

        var (korean, koreanPage) = await server.GetPageAsync("/");
        var (english, englishPage) = await server.GetPageAsync("/en");

        Assert.Equal(HttpStatusCode.OK, korean.StatusCode);
        Assert.Equal("ko", koreanPage.DocumentElement.GetAttribute("lang"));
        Assert.Contains("최신 뉴스", koreanPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(koreanPage.QuerySelectorAll(".top-story h3 a"));
        Assert.NotEmpty(koreanPage.QuerySelectorAll(".story-list a"));
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("en", englishPage.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Editor's Picks", englishPage.Body!.TextContent, StringComparison.Ordinal);

        // Every story linked from the home page opens.
        foreach (var link in koreanPage.QuerySelectorAll(".story-list a").Concat(englishPage.QuerySelectorAll(".story-list a")))
        {
            var (story, _) = await server.GetPageAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        }
    }

    [Fact]
    public async Task StoryPage_WithAConfiguredReadingRate_ShowsTheReadTimeAtThatRate()
    {
        var story = TestStories.English("Ferries run late after the storm", TimeProvider.System.GetUtcNow().AddMinutes(-5));
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await TestStories.ImportAsync(database, [story]);
        var slow = new Core.Timing.ReadTimeOptions { EnglishWordsPerMinute = 60 };
        var expected = Core.Timing.ReadTime.Of(story, slow);

        string shown;
        await using (var server = await BulletinServer.StartAsync(database, settings: ["--ReadTime:EnglishWordsPerMinute=60"]))
        {
            shown = (await server.GetPageAsync(TestStories.PathOf(story))).Document.QuerySelector(".read-time")!.TextContent;
        }

        string atDefault;
        await using (var server = await BulletinServer.StartAsync(database))
        {
            atDefault = (await server.GetPageAsync(TestStories.PathOf(story))).Document.QuerySelector(".read-time")!.TextContent;
        }

        Assert.Equal($"Read time {(int)expected.TotalMinutes}:{expected.Seconds:00}", shown);
        Assert.NotEqual(shown, atDefault);
    }

    [Fact]
    public async Task Start_WithAReadingRateOfZero_IsRefused()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);

        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
            await (await BulletinServer.StartAsync(database, settings: ["--ReadTime:KoreanSyllablesPerMinute=0"])).DisposeAsync());

        Assert.Contains("ReadTime:KoreanSyllablesPerMinute", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SamplePage_ImportedAndPublished_ReadsAsTheChannelShowsIt(DatabaseProvider provider)
    {
        var sample = Samples.Require(SamplePage);
        await using var database = await BulletinServer.NewDatabaseAsync(provider, migrated: false);
        var import = await BulletinCli.RunAsync(database, "import", "--publish", "--section", "world", sample);
        Assert.True(import.ExitCode == 0, import.Error);
        await using var server = await BulletinServer.StartAsync(database);

        var (response, page) = await server.GetPageAsync(SamplePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Russia even mentions military aid to North Korea...\"North Korea sends 3,000 troops to Ukraine\"",
            page.QuerySelector("article h1")!.TextContent);
        Assert.Equal("2024.10.16 09:08 KST", page.QuerySelector("time.published")!.TextContent);
        Assert.Equal("2024-10-16T09:08:00+09:00", page.QuerySelector("time.published")!.GetAttribute("datetime"));
        Assert.Equal(["Anchor", "Reporter", "Soundbite", "Reporter"],
            page.QuerySelectorAll(".script > .segment").Select(Kind));
        var soundbite = page.QuerySelector("figure.soundbite")!;
        Assert.Equal("Dmitry Peskov", soundbite.QuerySelector("cite")!.TextContent);
        Assert.Equal("Russian Kremlin spokesman", soundbite.QuerySelector(".speaker-title")!.TextContent);
        Assert.StartsWith("The wording of the North Russia treaty", soundbite.QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("It's YTN YouTube.", page.QuerySelector(".sign-off")!.TextContent);
        Assert.Contains("Russia denies the rumor of sending North Korean troops.", page.QuerySelector(".script")!.TextContent, StringComparison.Ordinal);

        // The page's own tip box and lists are the site's, configured once; the sample's copies are not story text.
        var article = page.QuerySelector("article")!.TextContent;
        Assert.DoesNotContain("02-398-8585", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Recomended", page.Body!.TextContent, StringComparison.Ordinal);
        var tipBox = page.QuerySelector("aside.tip-box")!.TextContent;
        Assert.Contains("Your report becomes news", tipBox, StringComparison.Ordinal);
        Assert.Contains("[KakaoTalk]", tipBox, StringComparison.Ordinal);
        Assert.Contains("[Phone]", tipBox, StringComparison.Ordinal);
        Assert.Contains("[Mail]", tipBox, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#latest-heading"));
        Assert.NotNull(page.QuerySelector("#picks-heading"));

        // Search engines and social sites read the head.
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.Equal(new Uri(server.Address, SamplePath).ToString(), canonical);
        Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("World", page.QuerySelector("meta[property='article:section']")!.GetAttribute("content"));

        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = jsonLd.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal("2024-10-16T09:08:00+09:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2024-10-16T09:08:00+09:00", root.GetProperty("dateModified").GetString());
        Assert.Equal("en", root.GetProperty("inLanguage").GetString());
        Assert.Equal(page.QuerySelector("article h1")!.TextContent, root.GetProperty("headline").GetString());
        Assert.Equal(canonical, root.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal("Organization", root.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.NotEqual(0, root.GetProperty("author").GetArrayLength());

        // No script is needed to read it: the only script element is the structured data.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
    }

    [Fact]
    public async Task KoreanStory_ShowsKoreanTimeBylineSoundbitesAndProgramme()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var story = new StoryContent
        {
            Headline = "밤사이 폭우로 도로 통제…출근길 주의",
            Subheadlines = ["시간당 50mm 넘는 비", "하천 주변 산책로 전면 통제"],
            Language = Language.Korean,
            Bylines = ["김하늘"],
            Tags = ["폭우", "출근길"],
            Programme = new Programme("정민아", ["한지호 기상전문기자"]),
            TranscriptDisclaimer = true,
            Segments =
            [
                new(SegmentKind.Anchor, "밤사이 많은 비가 내렸습니다.\n\n김하늘 기자가 보도합니다."),
                new(SegmentKind.Reporter, "하천 산책로 입구가 통제선으로 막혔습니다."),
                new(SegmentKind.Soundbite, "물이 순식간에 불어났어요.", "이서준", "인근 주민", "어제"),
            ],
            SignOff = "YTN 김하늘입니다.",
            PublishedAt = new DateTimeOffset(2025, 2, 28, 22, 3, 0, TimeSpan.FromHours(9)),
        };
        var file = Path.Combine(database.DataDirectory, "page.txt");
        await File.WriteAllTextAsync(file, BroadcastPageWriter.Write(story), TestContext.Current.CancellationToken);
        var import = await BulletinCli.RunAsync(database, "import", "--publish", file);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        await using var server = await BulletinServer.StartAsync(database);

        var (response, page) = await server.GetPageAsync("/news/" + Uri.EscapeDataString(Slugs.ForStory(story.Headline, story.PublishedAt.Value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2025.02.28 오후 10:03", page.QuerySelector("time.published")!.TextContent);
        Assert.Equal(["시간당 50mm 넘는 비", "하천 주변 산책로 전면 통제"], page.QuerySelectorAll("article .subheadline").Select(e => e.TextContent));
        Assert.Equal("김하늘 기자", page.QuerySelector(".byline")!.TextContent);
        Assert.Equal("이서준", page.QuerySelector("figure.soundbite cite")!.TextContent);
        Assert.Equal("인근 주민", page.QuerySelector("figure.soundbite .speaker-title")!.TextContent);
        Assert.Equal("(어제)", page.QuerySelector("figure.soundbite .when")!.TextContent);
        Assert.Contains("정민아", page.QuerySelector(".programme")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("실제 방송 내용과 차이가", page.QuerySelector(".disclaimer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#폭우", "#출근길"], page.QuerySelectorAll(".tags li").Select(e => e.TextContent));
        Assert.Contains("당신의 제보가 뉴스가 됩니다", page.QuerySelector("aside.tip-box")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("[카카오톡]", page.QuerySelector("aside.tip-box")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryPage_AfterTheStoryIsImportedAgainWithNewText_ShowsTheNewText()
    {
        var sample = Samples.Require(SamplePage);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", sample)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);
        var (_, before) = await server.GetPageAsync(SamplePath);
        Assert.Contains("Russia denies the rumor", before.QuerySelector(".script")!.TextContent, StringComparison.Ordinal);

        // Another process (the importer) corrects the page; the cached copy must not outlive the change.
        var corrected = Path.Combine(database.DataDirectory, "corrected.txt");
        var text = await File.ReadAllTextAsync(sample, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(corrected, text.Replace("Russia denies the rumor", "Moscow denies the report", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        var again = await BulletinCli.RunAsync(database, "import", "--publish", corrected);
        Assert.Contains("updated", again.Output, StringComparison.Ordinal);

        var script = (await server.GetPageWhenAsync(SamplePath,
            d => d.QuerySelector(".script")!.TextContent.Contains("Moscow denies the report", StringComparison.Ordinal))).QuerySelector(".script")!.TextContent;

        Assert.Contains("Moscow denies the report", script, StringComparison.Ordinal);
        Assert.DoesNotContain("Russia denies the rumor", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectionPage_WithMoreStoriesThanAPage_PagesThemNewestFirst()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "pages")).FullName;
        var first = new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.FromHours(9));
        for (var i = 0; i < 25; i++)
        {
            var story = new StoryContent
            {
                Headline = $"Morning briefing number {i}",
                Language = Language.English,
                Segments = [new(SegmentKind.Reporter, $"Briefing {i} says what happened overnight.")],
                PublishedAt = first.AddHours(i),
            };
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:00}.txt"), BroadcastPageWriter.Write(story), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", "--section", "economy", folder)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);

        var (_, one) = await server.GetPageAsync("/en/section/economy");
        var (_, two) = await server.GetPageAsync("/en/section/economy?page=2");
        var (three, _) = await server.GetPageAsync("/en/section/economy?page=3");

        Assert.Equal(20, one.QuerySelectorAll(".story-list li").Length);
        Assert.Equal("Morning briefing number 24", one.QuerySelector(".story-list a")!.TextContent);
        Assert.Equal("/en/section/economy?page=2", one.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(5, two.QuerySelectorAll(".story-list li").Length);
        Assert.Equal("Morning briefing number 0", two.QuerySelectorAll(".story-list a")[^1].TextContent);
        Assert.Equal(HttpStatusCode.NotFound, three.StatusCode);
    }

    [Fact]
    public async Task UnknownStory_AnswersNotFound_InTheEditionsLanguage()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var (korean, koreanPage) = await server.GetPageAsync("/news/no-such-story");
        var (english, englishPage) = await server.GetPageAsync("/en/news/no-such-story");

        Assert.Equal(HttpStatusCode.NotFound, korean.StatusCode);
        Assert.Equal("페이지를 찾을 수 없습니다", koreanPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal("Page not found", englishPage.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task DraftStory_IsNotOnTheSite()
    {
        var sample = Samples.Require(SamplePage);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", sample)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);

        var (response, _) = await server.GetPageAsync(SamplePath);
        var (_, home) = await server.GetPageAsync("/en");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Russia even mentions", home.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string Kind(AngleSharp.Dom.IElement segment) =>
        segment.ClassList.Contains("anchor") ? "Anchor"
        : segment.ClassList.Contains("reporter") ? "Reporter"
        : segment.ClassList.Contains("soundbite") ? "Soundbite"
        : segment.ClassList.Contains("speaker") ? "Speaker"
        : "?";
}
