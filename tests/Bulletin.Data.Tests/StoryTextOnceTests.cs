using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Publication;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Tests;

/// <summary>
/// A story's text is stored once where nothing differs: a live version that is the working one, and a revision whose
/// content is still the story's, keep no copy of their own; every earlier version still reads back whole.
/// </summary>
public sealed class StoryTextOnceTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
    private static readonly Actor Editor = new(null, "editor", [StaffRoles.Editor]);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoryContent Content(string anchor) => new()
    {
        Headline = "폭설로 출근길 혼잡",
        Language = Language.Korean,
        Tags = ["날씨"],
        Segments = [new(SegmentKind.Anchor, anchor), new(SegmentKind.Soundbite, "길이 너무 미끄러워요.", "김시민", "시민")],
        SignOff = "YTN 홍길동입니다.",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_KeepsTheLiveVersionOnce_AndApartOnlyWhileAnEditIsUnpublished(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var story = Story.Create(Guid.CreateVersion7(), "snow", Content("첫 문장"), null, Editor, Now).Value!;
        story.Submit(Editor, Now);
        story.Approve(Editor, Now);
        story.Publish(Editor, Now);
        await using (var db = database.NewContext())
        {
            db.Stories.Add(story);
            await db.FollowAsync(story, Cancel);
            await db.SaveChangesAsync(Cancel);
            Assert.Null(await StoredLiveAsync(db, story.Id));
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Stories.SingleAsync(Cancel);
            Assert.Equal(loaded.Content, loaded.Live);
            Assert.False(loaded.HasUnpublishedChanges);
            loaded.Edit(Content("고친 문장"), null, Editor, Now.AddMinutes(5));
            await db.SaveChangesAsync(Cancel);
            Assert.NotNull(await StoredLiveAsync(db, story.Id));
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Stories.SingleAsync(Cancel);
            Assert.True(loaded.HasUnpublishedChanges);
            Assert.Equal("첫 문장", loaded.Live!.Segments[0].Text);
            Assert.Equal("고친 문장", loaded.Segments[0].Text);
            Assert.Equal(Now, loaded.Live.UpdatedAt);
            loaded.Publish(Editor, Now.AddMinutes(6));
            await db.FollowAsync(loaded, Cancel);
            await db.SaveChangesAsync(Cancel);
            Assert.Null(await StoredLiveAsync(db, story.Id));
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Stories.SingleAsync(Cancel);
            Assert.Equal("고친 문장", loaded.Live!.Segments[0].Text);
            Assert.Equal("고친 문장", (await db.PublishedStories.SingleAsync(Cancel)).Segments[0].Text);
            // Killed, the story keeps what last went out (the withdrawal in ninjs is built from it).
            loaded.Kill(Editor, Now.AddMinutes(7));
            await db.FollowAsync(loaded, Cancel);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            var killed = await db.Stories.SingleAsync(Cancel);
            Assert.Equal(StoryStatus.Killed, killed.Status);
            Assert.Equal("고친 문장", killed.Live!.Segments[0].Text);
            Assert.Equal(Now.AddMinutes(6), killed.Live.UpdatedAt);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revision_WhenItsStoryChanges_KeepsTheContentItHad(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var story = Story.Create(Guid.CreateVersion7(), "snow", Content("첫 문장"), null, Editor, Now).Value!;
        await using (var db = database.NewContext())
        {
            db.Stories.Add(story);
            db.StoryRevisions.Add(new StoryRevision(Guid.CreateVersion7(), story, "create", null, "editor", Now));
            await db.SaveChangesAsync(Cancel);
            Assert.Equal([null], await StoredRevisionContentAsync(db, story.Id));
        }

        // Two changes, each through its own context as two saves in the newsroom would be: the submit touches only the
        // story's time, the edit its text; each leaves the revision before it with the content it described.
        foreach (var (change, action) in new (Action<Story>, string)[]
                 {
                     (s => s.Submit(Editor, Now.AddMinutes(1)), "submit"),
                     (s => s.Edit(Content("고친 문장"), null, Editor, Now.AddMinutes(2)), "edit"),
                 })
        {
            await using var db = database.NewContext();
            var loaded = await db.Stories.SingleAsync(Cancel);
            change(loaded);
            db.StoryRevisions.Add(new StoryRevision(Guid.CreateVersion7(), loaded, action, null, "editor", Now));
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            var stored = await StoredRevisionContentAsync(db, story.Id);
            Assert.Equal(3, stored.Count);
            Assert.Null(stored[^1]);
            Assert.All(stored[..^1], Assert.NotNull);

            var current = await db.Stories.AsNoTracking().SingleAsync(Cancel);
            var revisions = (await db.StoryRevisions.AsNoTracking().OrderBy(r => r.Version).ToListAsync(Cancel))
                .Select(r => r.ReadWith(current)).ToList();
            Assert.Equal(["첫 문장", "첫 문장", "고친 문장"], revisions.Select(r => r.Content.Segments[0].Text));
            Assert.Equal([Now, Now.AddMinutes(1), Now.AddMinutes(2)], revisions.Select(r => r.Content.UpdatedAt));
            Assert.Equal([true, true, false], revisions.Select(r => r.IsSuperseded));
        }
    }

    private static Task<byte[]?> StoredLiveAsync(BulletinDbContext db, Guid id) =>
        db.Database.SqlQuery<byte[]?>($"SELECT \"Live\" AS \"Value\" FROM \"Stories\" WHERE \"Id\" = {id}").SingleAsync(Cancel);

    private static Task<List<byte[]?>> StoredRevisionContentAsync(BulletinDbContext db, Guid id) =>
        db.Database.SqlQuery<byte[]?>($"SELECT \"Content\" AS \"Value\" FROM \"StoryRevisions\" WHERE \"StoryId\" = {id} ORDER BY \"Version\"")
            .ToListAsync(Cancel);
}
