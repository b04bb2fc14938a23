using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>Text no reader can see (control characters, lone surrogates) sent in by staff never takes a public surface down.</summary>
public sealed class OddTextTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ControlCharactersAndLoneSurrogates_InAPublishedStory_AreDroppedAndEveryFeedStillAnswers(DatabaseProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);

        // Raw JSON, so the escapes arrive as the attacker wrote them: U+0001, NUL, a lone high surrogate, U+FFFF.
        const string body = """
            {"headline":"북한\u0001 파병 \ud800공식 부인","language":"ko","tags":["북한\u0000","러시아"],
             "byline":["김하늘\u0007"],
             "segments":[{"kind":"anchor","text":"러시아가\u001b 북한군 파병을\uffff 부인했습니다.\r\n둘째 줄"},
                         {"kind":"soundbite","speaker":"드미트리\u0008","title":"대변인","text":"사실이 아닙니다."}]}
            """;
        var created = await api.PostAsync(new Uri("/api/newsroom/stories", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await NewsroomApi.ReadAsync(created))["id"]!.GetValue<Guid>();
        await NewsroomApi.ActAsync(api, id, "submit");
        await NewsroomApi.ActAsync(api, id, "approve");
        var published = await NewsroomApi.ReadAsync(await NewsroomApi.ActAsync(api, id, "publish"));
        Assert.Equal("북한 파병 공식 부인", published["headline"]!.GetValue<string>());
        var url = published["url"]!.GetValue<string>();

        foreach (var feed in new[] { "/rss.xml", "/atom.xml", "/news-sitemap.xml", "/sitemap.xml", "/tag/북한/rss.xml" })
        {
            var response = await server.Client.GetAsync(new Uri(feed, UriKind.Relative), cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{feed}: {response.StatusCode}");
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (feed != "/sitemap.xml")
            {
                Assert.Contains("북한 파병 공식 부인", xml.ToString(), StringComparison.Ordinal);
            }
        }

        var page = await server.Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        Assert.DoesNotContain('\u0001', html);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("북한 파병 공식 부인", document.QuerySelector("h1")!.TextContent.Trim());
        var jsonLd = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Contains("북한 파병 공식 부인", JsonDocument.Parse(jsonLd.TextContent).RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("러시아가 북한군 파병을 부인했습니다.", document.Body!.TextContent, StringComparison.Ordinal);

        var ninjs = await server.Client.GetAsync(new Uri($"/api/public/stories/{id}/ninjs", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, ninjs.StatusCode);
        var wire = JsonDocument.Parse(await ninjs.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        Assert.Equal("북한 파병 공식 부인", wire.GetProperty("headlines")[0].GetProperty("value").GetString());

        var story = await NewsroomApi.GetAsync(api, id);
        Assert.Equal(["북한", "러시아"], story["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("김하늘", story["byline"]![0]!.GetValue<string>());
        Assert.Equal("러시아가 북한군 파병을 부인했습니다.\n둘째 줄", story["segments"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("드미트리", story["segments"]![1]!["speaker"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHeadlineOfOnlyInvisibleCharacters_IsRefusedWithAClearProblem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);

        var response = await api.PostAsync(new Uri("/api/newsroom/stories", UriKind.Relative),
            new StringContent("""{"headline":"\u0001\u0002 \t","language":"ko","segments":[]}""", Encoding.UTF8, "application/json"), cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'headline' is required", await response.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
    }
}
