using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

public sealed class HistoryPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_ShowsWhatChangedBetweenRevisions_AndRestoresAnEarlierOneAsANewRevision(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var api = reporter.Api(server);
        var (id, version) = await CreateAsync(api, KoreanStory(anchorText: "처음 쓴 앵커 멘트입니다."));
        var saved = await PutAsync(api, id, KoreanStory(anchorText: "나중에 고친 앵커 멘트입니다."), version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = reporter.Email, ["Password"] = reporter.Password });

        var history = await session.GetAsync($"/newsroom/stories/history/{id}");
        var page = new HtmlParser().ParseDocument(history);
        var diff = page.QuerySelector("#diff")!;
        Assert.Equal(2, page.QuerySelectorAll("#revisions tbody tr").Length);
        Assert.Contains("처음 쓴 앵커 멘트입니다.", diff.QuerySelector(".diff-del")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("나중에 고친 앵커 멘트입니다.", diff.QuerySelector(".diff-add")!.TextContent, StringComparison.Ordinal);

        var choices = page.QuerySelectorAll("#revisions input[name=a]");
        var first = choices[^1].GetAttribute("value");
        await session.PostAsync($"/newsroom/stories/history/{id}", $"/newsroom/stories/history/{id}?handler=restore&revision={first}&version=2", []);

        Assert.Equal(HttpStatusCode.Redirect, session.LastStatus);
        var story = await GetAsync(api, id);
        Assert.Equal(3, story["version"]!.GetValue<int>());
        Assert.Contains("처음 쓴 앵커 멘트입니다.", JsonText(story), StringComparison.Ordinal);
        var revisions = await (await api.GetAsync(new Uri($"/api/newsroom/stories/{id}/revisions", UriKind.Relative), TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("restore v1", revisions, StringComparison.Ordinal);
    }
}
