using System.Net;
using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Feeds;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class NinjsTests
{
    private const string SamplePage = "pages/ytn-en-2024-10-16-russia-north-korea.txt";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ninjs_OfEveryPublishedStory_IsValidIptc31WithTheScriptsPartsAsBodies(DatabaseProvider provider)
    {
        var schema = JsonSchemas.Ninjs();
        var sample = Samples.Require(SamplePage);
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var import = await BulletinCli.RunAsync(database, "import", "--publish", "--section", "world", sample);
        Assert.True(import.ExitCode == 0, import.Error);
        var korean = TestStories.Korean("밤사이 폭우로 도로 통제…출근길 주의", new DateTimeOffset(2025, 2, 28, 22, 3, 0, TimeSpan.FromHours(9)), "폭우", "출근길");
        await TestStories.ImportAsync(database, [korean]);
        await using var server = await BulletinServer.StartAsync(database);

        using var list = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/public/stories", UriKind.Relative), TestContext.Current.CancellationToken));
        var stories = list.RootElement.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(2, stories.Count);
        var documents = new Dictionary<string, JsonElement>();
        foreach (var story in stories)
        {
            var response = await server.Client.GetAsync(new Uri($"/api/public/stories/{story.GetProperty("id").GetString()}/ninjs", UriKind.Relative),
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ninjs = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            Assert.Empty(JsonSchemas.Errors(schema, ninjs));
            documents[story.GetProperty("language").GetString()!] = ninjs;
        }

        var english = documents["en"];
        Assert.Equal("usable", english.GetProperty("pubStatus").GetString());
        Assert.StartsWith("urn:uuid:", english.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("2024-10-16T09:08:00+09:00", english.GetProperty("contentCreated").GetString());
        Assert.Equal("Russia even mentions military aid to North Korea...\"North Korea sends 3,000 troops to Ukraine\"",
            english.GetProperty("headlines")[0].GetProperty("value").GetString());
        Assert.Equal(["main", "anchor", "reporter", "soundbite", "reporter", "signOff"],
            english.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("role").GetString()));
        Assert.Equal("text/html", english.GetProperty("bodies")[0].GetProperty("contentType").GetString());
        Assert.Contains("<blockquote>", english.GetProperty("bodies")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains(english.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "Dmitry Peskov");
        Assert.Contains(english.GetProperty("subjects").EnumerateArray(), s => s.GetProperty("rel").GetString() == "section" && s.GetProperty("name").GetString() == "World");
        Assert.Equal("3.1", english.GetProperty("standard").GetProperty("version").GetString());
        Assert.Equal(new Uri(server.Address, "/en/news/20241016-russia-even-mentions-military-aid-to-north-korea-north-korea").AbsoluteUri,
            english.GetProperty("renditions")[0].GetProperty("href").GetString());

        var ko = documents["ko"];
        Assert.Equal(["main", "subheadline"], ko.GetProperty("headlines").EnumerateArray().Select(h => h.GetProperty("role").GetString()));
        Assert.Equal(["폭우", "출근길"], ko.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("김하늘", ko.GetProperty("by").GetString());
        Assert.Equal("ko", ko.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Ninjs_OfEveryDemoNewsroomStory_IsValidIptc31()
    {
        var schema = JsonSchemas.Ninjs();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var server = await BulletinServer.StartAsync(database, demo: true);

        using var list = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/public/stories", UriKind.Relative), TestContext.Current.CancellationToken));
        var ids = list.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            using var ninjs = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/public/stories/{id}/ninjs", UriKind.Relative), TestContext.Current.CancellationToken));
            Assert.Empty(JsonSchemas.Errors(schema, ninjs.RootElement));
            Assert.Equal($"urn:uuid:{id}", ninjs.RootElement.GetProperty("uri").GetString());
        }
    }

    [Fact]
    public async Task Ninjs_OfADraftOrUnknownStory_IsNotFound()
    {
        var sample = Samples.Require(SamplePage);
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", sample)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);
        await using var db = database.NewContext();
        var draft = db.Stories.Single();

        var response = await server.Client.GetAsync(new Uri($"/api/public/stories/{draft.Id}/ninjs", UriKind.Relative), TestContext.Current.CancellationToken);
        var unknown = await server.Client.GetAsync(new Uri($"/api/public/stories/{Guid.NewGuid()}/ninjs", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // A killed story cannot be made yet (the kill action is still to come), so the mapping is tested on its own;
    // the endpoint already answers killed stories, with this status and without their text.
    [Theory]
    [InlineData(StoryStatus.Published, "usable")]
    [InlineData(StoryStatus.Killed, "canceled")]
    [InlineData(StoryStatus.Draft, "withheld")]
    [InlineData(StoryStatus.Unpublished, "withheld")]
    public void PubStatus_OfAWorkflowState_IsTheNinjsWord(StoryStatus status, string expected) =>
        Assert.Equal(expected, NinjsDocument.PubStatus(status));

    public static TheoryData<string, bool> IptcSuite()
    {
        var data = new TheoryData<string, bool>();
        if (Samples.Directory is not { } root)
        {
            data.Add("", true);
            return data;
        }

        foreach (var (folder, valid) in new[] { ("should_pass", true), ("should_fail", false) })
        {
            var path = Path.Combine(root, "ninjs", "validation", "test_suite", "3.1", folder);
            foreach (var file in Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                data.Add(Path.GetRelativePath(root, file), valid);
            }
        }

        // IPTC's own 3.1 examples; the renditions snippet is known not to be an instance ("uri": "renditions-example").
        var examples = Path.Combine(root, "ninjs", "documentation", "includes", "examples", "3.1");
        foreach (var file in Directory.Exists(examples) ? Directory.GetFiles(examples, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            data.Add(Path.GetRelativePath(root, file), !file.EndsWith("002_renditions_example.json", StringComparison.Ordinal));
        }

        return data.Count > 0 ? data : new TheoryData<string, bool> { { "", true } };
    }

    [Theory]
    [MemberData(nameof(IptcSuite))]
    public void IptcTestSuite_ThroughOurValidator_GivesIptcsVerdict(string file, bool valid)
    {
        if (file.Length == 0)
        {
            Samples.Require("ninjs/validation/test_suite/3.1");
        }

        var schema = JsonSchemas.Ninjs();
        using var document = JsonDocument.Parse(File.ReadAllText(Samples.Require(file)));

        var errors = JsonSchemas.Errors(schema, document.RootElement);

        Assert.True(valid == (errors.Count == 0), $"{file}: expected {(valid ? "valid" : "invalid")}; errors: {string.Join("; ", errors)}");
    }
}
