using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tests;

public sealed class StoryWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);

    private static StoryContent Content(string anchor) => new()
    {
        Headline = "폭설로 출근길 혼잡",
        Language = Language.Korean,
        Segments = [new ScriptSegment(SegmentKind.Anchor, anchor)],
    };

    private static readonly Actor Editor = new(null, "editor", [StaffRoles.Editor]);

    private static Story Draft() => Story.Create(Guid.CreateVersion7(), "20241016-snow", Content("첫 문장"), null, Editor, Now).Value!;

    [Fact]
    public void Table_HasOneRowPerStateAndAction_AndKilledLeadsNowhere()
    {
        var keys = StoryWorkflow.Table.Steps.Select(s => (s.From, s.Action)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.DoesNotContain(StoryWorkflow.Table.Steps, s => s.From == StoryStatus.Killed);
        Assert.DoesNotContain(StoryWorkflow.Table.Steps, s => s.Roles.Contains(StaffRoles.Admin));
    }

    [Fact]
    public void Reporter_MayWriteAndSubmit_ButNotApproveOrPublish()
    {
        string[] reporter = [StaffRoles.Reporter];
        Assert.True(StoryWorkflow.Table.Allows(reporter, StoryStatus.Draft, StoryAction.Edit));
        Assert.True(StoryWorkflow.Table.Allows(reporter, StoryStatus.Draft, StoryAction.Submit));
        Assert.False(StoryWorkflow.Table.Allows(reporter, StoryStatus.Submitted, StoryAction.Approve));
        Assert.False(StoryWorkflow.Table.Allows(reporter, StoryStatus.Approved, StoryAction.Publish));
        Assert.False(StoryWorkflow.Table.RoleMayEver(reporter, StoryAction.Publish));
    }

    [Fact]
    public void Approve_WhenStoryIsADraft_IsRefusedSayingWhy()
    {
        var story = Draft();

        var refused = story.Approve(Editor, Now);

        Assert.Equal(WorkflowOutcome.NotAllowedNow, refused.Outcome);
        Assert.Contains("submitted", refused.Reason?.English, StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Draft, story.Status);
        Assert.Equal(1, story.Version);
    }

    [Fact]
    public void Edit_OfAPublishedStory_ChangesTheLivePageOnlyWhenPublishedAgain()
    {
        var story = Draft();
        story.Submit(Editor, Now);
        story.Approve(Editor, Now);
        story.Publish(Editor, Now);

        story.Edit(Content("고친 문장"), null, Editor, Now.AddMinutes(5));

        Assert.True(story.HasUnpublishedChanges);
        Assert.Equal("첫 문장", story.LiveView().Segments[0].Text);
        story.Publish(Editor, Now.AddMinutes(6));
        Assert.False(story.HasUnpublishedChanges);
        Assert.Equal("고친 문장", story.LiveView().Segments[0].Text);
        Assert.Equal(Now, story.PublishedAt);
    }

    [Fact]
    public void Correct_WithoutANote_IsRefused_AndWithOneKeepsItForThePage()
    {
        var story = Draft();
        story.Submit(Editor, Now);
        story.Approve(Editor, Now);
        story.Publish(Editor, Now);

        Assert.Equal(WorkflowOutcome.Invalid, story.Correct(" ", Editor, Now).Outcome);
        story.Correct("이름을 바로잡았습니다.", Editor, Now.AddHours(1));

        Assert.Equal("이름을 바로잡았습니다.", story.CorrectionNote);
        Assert.Equal(Now.AddHours(1), story.CorrectedAt);
        Assert.Equal(StoryStatus.Published, story.Status);
    }

    [Fact]
    public void Schedule_IsDueOnlyWhenItsTimeHasCome()
    {
        var story = Draft();
        story.Submit(Editor, Now);
        story.Approve(Editor, Now);

        story.Schedule(Now.AddMinutes(10), Editor, Now);

        Assert.False(story.IsDue(Now.AddMinutes(9)));
        Assert.True(story.IsDue(Now.AddMinutes(10)));
        story.Publish(Editor, Now.AddMinutes(10));
        Assert.Null(story.ScheduledAt);
        Assert.True(story.IsLive);
    }
}
