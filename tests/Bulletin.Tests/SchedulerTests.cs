using System.Net;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tests;

public sealed class SchedulerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ScheduledStory_WhoseTimePassedWhileDown_GoesLiveAtStartAndIsLoggedLate(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        var now = TimeProvider.System.GetUtcNow();
        Guid id;
        await using (var db = database.NewContext())
        {
            var editor = new Actor(null, "editor", [StaffRoles.Editor]);
            var story = Story.Create(Guid.CreateVersion7(), "20241016-missed", new StoryContent
            {
                Headline = "서버가 꺼진 사이 예약 시각이 지난 기사",
                Language = Language.Korean,
                Segments = [new ScriptSegment(SegmentKind.Anchor, "예약 출고 기사입니다.")],
            }, null, editor, now.AddHours(-2)).Value!;
            story.Submit(editor, now.AddHours(-2));
            story.Approve(editor, now.AddHours(-2));
            story.Schedule(now.AddMinutes(-30), editor, now.AddHours(-2));
            db.Stories.Add(story);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = story.Id;
        }

        await using var server = await BulletinProcess.StartAsync(database);
        var status = await Eventually.UntilAsync("the missed story to be published at start", async () =>
        {
            await using var db = database.NewContext();
            return (await db.Stories.AsNoTracking().FirstAsync(s => s.Id == id, TestContext.Current.CancellationToken)).Status;
        }, s => s == StoryStatus.Published);

        Assert.Equal(StoryStatus.Published, status);
        using var client = new HttpClient { BaseAddress = server.Address };
        var page = await client.GetAsync(new Uri("/news/20241016-missed", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await server.KillAsync();
        Assert.Contains("LATE", server.Output, StringComparison.Ordinal);
        Assert.Contains("서버가 꺼진 사이", server.Output, StringComparison.Ordinal);
    }
}
