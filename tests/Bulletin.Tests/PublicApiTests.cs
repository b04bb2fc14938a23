using System.Net;
using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class PublicApiTests
{
    private static async Task<HttpResponseMessage> GetAsync(BulletinServer server, string path, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stories_ListedByLanguageAndSection_PageNewestFirst_ForAnyOrigin(DatabaseProvider provider)
    {
        var first = new DateTimeOffset(2025, 3, 1, 6, 0, 0, TestStories.SiteOffset);
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await TestStories.ImportAsync(database, Enumerable.Range(0, 22).Select(i => TestStories.English($"Morning briefing number {i}", first.AddHours(i))), section: "economy");
        await TestStories.ImportAsync(database, [TestStories.Korean("밤사이 폭우로 도로 통제", first.AddDays(2))], section: "world");
        await using var server = await BulletinServer.StartAsync(database);

        var latest = await GetAsync(server, "/api/public/stories", origin: "https://reader.example");
        var english = await JsonAsync(await GetAsync(server, "/api/public/stories?language=en"));
        var second = await JsonAsync(await GetAsync(server, "/api/public/stories?language=en&page=2"));
        var korean = await JsonAsync(await GetAsync(server, "/api/public/sections/world/stories?language=ko"));
        var economyKorean = await JsonAsync(await GetAsync(server, "/api/public/sections/economy/stories?language=ko"));

        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal("*", latest.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(latest.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromMinutes(1), latest.Headers.CacheControl?.MaxAge);
        var all = await JsonAsync(latest);
        Assert.Equal(23, all.GetProperty("total").GetInt32());
        Assert.Equal("밤사이 폭우로 도로 통제", all.GetProperty("stories")[0].GetProperty("headline").GetString());

        Assert.Equal(22, english.GetProperty("total").GetInt32());
        Assert.Equal(20, english.GetProperty("stories").GetArrayLength());
        Assert.Equal("Morning briefing number 21", english.GetProperty("stories")[0].GetProperty("headline").GetString());
        Assert.Equal(new Uri(server.Address, "/api/public/stories?language=en&page=2").AbsoluteUri, english.GetProperty("next").GetString());
        Assert.Equal(["Morning briefing number 1", "Morning briefing number 0"], second.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("headline").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        var story = korean.GetProperty("stories").EnumerateArray().Single();
        Assert.Equal("ko", story.GetProperty("language").GetString());
        Assert.Equal(["anchor", "reporter", "soundbite"], story.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(0, economyKorean.GetProperty("total").GetInt32());

        var one = await GetAsync(server, "/api/public/stories/" + story.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var single = await JsonAsync(one);
        Assert.Equal(story.GetProperty("headline").GetString(), single.GetProperty("headline").GetString());
        Assert.Equal(new Uri(server.Address, TestStories.PathOf(TestStories.Korean("밤사이 폭우로 도로 통제", first.AddDays(2)))).AbsoluteUri,
            single.GetProperty("url").GetString());
        Assert.Equal("2025-03-03T06:00:00+09:00", single.GetProperty("publishedAt").GetString());
    }

    [Fact]
    public async Task Api_AnswersUnknownAndInvalidRequestsAsJson_NotAsPages()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);

        var unknownStory = await GetAsync(server, $"/api/public/stories/{Guid.NewGuid()}");
        var unknownSection = await GetAsync(server, "/api/public/sections/no-such-section/stories");
        var badLanguage = await GetAsync(server, "/api/public/stories?language=fr");
        var badPage = await GetAsync(server, "/api/public/stories?page=0");

        Assert.Equal(HttpStatusCode.NotFound, unknownStory.StatusCode);
        Assert.NotEqual("text/html", unknownStory.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownSection.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.True((await JsonAsync(badLanguage)).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.True((await JsonAsync(badPage)).GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Api_WhenOneAddressAsksTooOften_AnswersTooManyRequests()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--PublicApi:RequestsPerMinute=3"]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await GetAsync(server, "/api/public/stories")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The public site itself is not limited.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/en")).StatusCode);
    }
}
