using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;

namespace Bulletin.Tests;

public sealed class SectionPagesTests
{
    [Fact]
    public async Task Sections_AddedRenamedAndMovedByAnAdmin_ShowInThePublicNavigation()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = admin.Email, ["Password"] = admin.Password });

        await session.PostAsync("/newsroom/admin/sections", "/newsroom/admin/sections?handler=add",
            new() { ["slug"] = "weather", ["nameKorean"] = "날씨", ["nameEnglish"] = "Weather" });
        var page = new HtmlParser().ParseDocument(await session.GetAsync("/newsroom/admin/sections"));
        var weatherRow = page.QuerySelectorAll("#sections tbody tr").Single(r => r.TextContent.Contains("weather", StringComparison.Ordinal));
        var rename = weatherRow.QuerySelector("form")!.GetAttribute("action")!;
        var moveUp = weatherRow.QuerySelectorAll("form")[1].GetAttribute("action")!;
        await session.PostAsync("/newsroom/admin/sections", rename, new() { ["nameKorean"] = "날씨·재난", ["nameEnglish"] = "Weather" });
        await session.PostAsync("/newsroom/admin/sections", moveUp, []);

        var nav = await Eventually.UntilAsync("the home page's sections to show the renamed section", async () =>
        {
            var (_, home) = await server.GetPageAsync("/");
            return home.QuerySelectorAll("nav.sections li a").Select(a => a.TextContent).ToArray();
        }, n => n.Contains("날씨·재난"), describe: n => string.Join(", ", n));

        Assert.Equal(["홈", "정치", "경제", "사회", "국제", "문화", "날씨·재난", "스포츠"], nav);
    }
}
