using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// What a client that sends more than it should, or the wrong thing, gets from the staff API: fields it may not set
/// are ignored (nothing is published, no other story is touched, no id or version is taken), and malformed ids,
/// versions and bodies get a 4xx problem, never a server error.
/// </summary>
public sealed class ApiInputTests
{
    [Fact]
    public async Task Story_SentWithStatusIdVersionAndTimesItMayNotSet_IsADraftOfItsOwn_AndTouchesNoOtherStory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var reporterApi = reporter.Api(server);
        using var editorApi = editor.Api(server);
        var (otherId, otherVersion) = await CreateAsync(editorApi, KoreanStory("편집자의 기사"));

        // A reporter's story that claims to be the editor's, already published, at version 99, by someone else.
        var claims = KoreanStory("기자의 기사");
        claims["id"] = otherId.ToString();
        claims["status"] = "published";
        claims["version"] = 99;
        claims["publishedAt"] = "2024-10-16T09:08:00+09:00";
        claims["createdBy"] = Guid.CreateVersion7().ToString();
        claims["url"] = "/news/somewhere-else";
        claims["sectionId"] = Guid.CreateVersion7().ToString();
        using var created = await reporterApi.PostAsJsonAsync("/api/newsroom/stories", claims, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadAsync(created);
        var id = body["id"]!.GetValue<Guid>();
        Assert.NotEqual(otherId, id);
        Assert.Equal("draft", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Null(body["story"]!["publishedAt"]);
        var (page, _) = await server.GetPageAsync(body["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        // A save of it naming the other story's id changes this one only.
        var edit = KoreanStory("기자의 기사, 고침");
        edit["id"] = otherId.ToString();
        edit["status"] = "published";
        using (var saved = await PutAsync(reporterApi, id, edit, 1))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("draft", (await ReadAsync(saved))["status"]!.GetValue<string>());
        }

        await using var db = database.NewContext();
        var other = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == otherId, cancellationToken);
        Assert.Equal(("편집자의 기사", otherVersion), (other.Headline, other.Version));
        var mine = await db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        Assert.Equal(("기자의 기사, 고침", Core.Stories.StoryStatus.Draft, (Guid?)null), (mine.Headline, mine.Status, mine.SectionId));
        Assert.Equal(0, await db.PublishedStories.CountAsync(cancellationToken));
    }

    [Fact]
    public async Task MalformedIdsVersionsAndBodies_GetAProblem_NeverAServerError()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, _) = await CreateAsync(api);

        var ids = new[] { "not-a-guid", "00000000-0000-0000-0000-000000000000", "1", "-1", "%00", "..%2f..%2fetc%2fpasswd",
            "' OR 1=1 --", new string('a', 5000), "{" + Guid.CreateVersion7() + "}", "😀" };
        foreach (var bad in ids)
        {
            foreach (var path in new[] { $"/api/newsroom/stories/{bad}", $"/api/newsroom/stories/{bad}/revisions", $"/api/newsroom/tips/{bad}" })
            {
                using var response = await api.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"GET {path}: {(int)response.StatusCode}");
            }

            using var acted = await api.PostAsync(new Uri($"/api/newsroom/stories/{bad}/publish", UriKind.Relative), null, cancellationToken);
            Assert.True(acted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"publish {bad}: {(int)acted.StatusCode}");
        }

        foreach (var ifMatch in new[] { "garbage", "\"-5\"", "\"99999999999999999999\"", "W/\"1\"x", "*", "\"\"" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/stories/{id}") { Content = JsonContent.Create(KoreanStory("고침")) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            using var response = await api.SendAsync(request, cancellationToken);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"If-Match {ifMatch}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var bodies = new[]
        {
            "", "null", "[]", "\"story\"", "{", "{\"headline\": 5, \"language\": \"ko\"}", "{\"headline\": \"x\", \"language\": \"tlh\"}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"segments\": {}}", "{\"headline\": \"x\", \"language\": \"ko\", \"segments\": [null]}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"segments\": [{\"kind\": \"soundbite\", \"text\": \"a\", \"duration\": 1e40}]}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"segments\": [{\"kind\": \"soundbite\", \"text\": \"a\", \"duration\": -3}]}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"tags\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"headline\": \"y\"}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"tags\": [null], \"byline\": [null], \"subheadlines\": [null]}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"programme\": {\"host\": null, \"guests\": [null, 3]}}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"programme\": {\"host\": \"h\", \"guests\": [null]}}",
            "{\"headline\": \"x\", \"language\": null}",
            "{\"headline\": null, \"language\": \"ko\"}",
            "{\"headline\": \"x\", \"language\": \"ko\", \"segments\": [{\"kind\": null, \"text\": null}]}",
        };
        foreach (var text in bodies)
        {
            using var content = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await api.PostAsync(new Uri("/api/newsroom/stories", UriKind.Relative), content, cancellationToken);
            Assert.True((int)response.StatusCode is >= 400 and < 500 or 201, $"POST {text[..Math.Min(60, text.Length)]}: {(int)response.StatusCode}");
            using var action = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var acted = await api.PostAsync(new Uri($"/api/newsroom/stories/{id}/submit", UriKind.Relative), action, cancellationToken);
            Assert.True((int)acted.StatusCode is >= 400 and < 500 or 200, $"submit {text[..Math.Min(60, text.Length)]}: {(int)acted.StatusCode}");
        }

        Assert.DoesNotContain(server.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
    }
}
