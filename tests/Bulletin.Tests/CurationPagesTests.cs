using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class CurationPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BreakingBanner_PutUpByAnEditor_ShowsOnThePublicSiteUntilTakenDown(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", StaffRoles.Reporter);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
        var (_, before) = await server.GetPageAsync("/");
        Assert.Null(before.QuerySelector(".breaking-news"));

        await session.PostAsync("/newsroom/desk/banner", "/newsroom/desk/banner", new() { ["language"] = "ko", ["text"] = "[속보] 서울 전역 대설경보 발령" });
        var shown = await server.GetPageWhenAsync("/", d => d.QuerySelector(".breaking-news") is not null);

        Assert.Contains("서울 전역 대설경보", shown.QuerySelector(".breaking-news")!.TextContent, StringComparison.Ordinal);
        var (_, english) = await server.GetPageAsync("/en");
        Assert.Null(english.QuerySelector(".breaking-news"));

        var banners = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/desk/banner"));
        var takeDown = banners.QuerySelector("#banners form")!.GetAttribute("action")!;
        await session.PostAsync("/newsroom/desk/banner", takeDown, []);
        var gone = await server.GetPageWhenAsync("/", d => d.QuerySelector(".breaking-news") is null);
        Assert.Null(gone.QuerySelector(".breaking-news"));

        // A reporter may not put one up.
        using var reporterSession = new FormClient(server);
        await reporterSession.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = reporter.Email, ["Password"] = reporter.Password });
        await reporterSession.GetAsync("/newsroom/desk/banner");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, reporterSession.LastStatus);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BreakingBanner_WithAScriptLink_IsRefusedWithAMessageAndNeverReachesReaders(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });

        var refused = new HtmlParser().ParseDocument(await session.PostAsync("/newsroom/desk/banner", "/newsroom/desk/banner",
            new() { ["language"] = "ko", ["text"] = "[속보] 클릭하세요", ["link"] = "javascript:alert(document.cookie)" }));

        Assert.Contains("http", refused.QuerySelector("#banner-refusal")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("[속보] 클릭하세요", refused.QuerySelector("#banner-text")?.GetAttribute("value"));
        Assert.Empty(refused.QuerySelectorAll("#banners tr"));

        // A banner with a web address goes up, and the refused one never did.
        await session.PostAsync("/newsroom/desk/banner", "/newsroom/desk/banner",
            new() { ["language"] = "ko", ["text"] = "[속보] 생중계", ["link"] = "https://live.example/now" });
        var shown = await server.GetPageWhenAsync("/", d => d.QuerySelector(".breaking-news") is not null);
        var links = shown.QuerySelectorAll(".breaking-news a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://live.example/now"], links);
        Assert.DoesNotContain("javascript:", shown.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }
}
