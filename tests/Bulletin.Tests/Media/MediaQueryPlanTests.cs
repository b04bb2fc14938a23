using System.Net;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bulletin.Tests.Media.MediaUploads;

namespace Bulletin.Tests.Media;

/// <summary>
/// The media library's queries are answered from an index: the listing newest first, a search, the next page, one
/// item, and the alt-text check at publishing. A library gains photos every day, so a scan would grow with it.
/// </summary>
public sealed class MediaQueryPlanTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MediaQueries_EveryOne_UsesAnIndex(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var plans = new QueryPlanRecorder();
        await using var server = await BulletinServer.StartAsync(database, configure: builder => plans.Attach(builder, provider));
        using var editor = (await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor)).Api(server);
        var photo = Jpeg(200, 150);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await UploadAsync(editor, photo, caption: $"Harbour at dawn {i}"))["id"]!.GetValue<Guid>());
        }

        var story = NewsroomApi.KoreanStory();
        story["leadMediaId"] = ids[0].ToString();
        var (storyId, _) = await NewsroomApi.CreateAsync(editor, story);

        plans.Recording = true;
        foreach (var path in new[] { "/api/newsroom/media", "/api/newsroom/media?q=harbour&size=2", $"/api/newsroom/media?before={ids[2]}", $"/api/newsroom/media/{ids[1]}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri(path, UriKind.Relative), cancel)).StatusCode);
        }

        await NewsroomApi.ActAsync(editor, storyId, "submit");
        await NewsroomApi.ActAsync(editor, storyId, "approve");
        Assert.Equal(HttpStatusCode.OK, (await NewsroomApi.ActAsync(editor, storyId, "publish")).StatusCode);
        plans.Recording = false;

        var ours = plans.Plans.Where(p => p.Sql.Contains("\"MediaItems\"", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count >= 5, string.Join("\n\n", ours.Select(p => p.Sql)));
        var scans = plans.FullScans(provider, p => ours.Contains(p));
        Assert.True(scans.Length == 0, "Full table scans:\n" + scans);
    }
}
