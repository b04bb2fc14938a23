using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tests;

public sealed class RundownWorkflowTests
{
    private static readonly Actor Producer = new(Guid.CreateVersion7(), "producer", [StaffRoles.Producer]);

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    private static Rundown Show() =>
        Rundown.Create(Guid.CreateVersion7(), "News", new DateOnly(2026, 12, 1), Language.English, Start, Start.AddMinutes(30));

    [Fact]
    public void Take_BeforeTheShowIsOnAir_IsRefusedWithAReason()
    {
        var rundown = Show();
        rundown.AddLine(Producer, Guid.CreateVersion7(), RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));

        var result = rundown.Take(Producer, Start);

        Assert.False(result.Succeeded);
        Assert.Equal(WorkflowOutcome.NotAllowedNow, result.Outcome);
        Assert.Contains("on-air", result.Reason?.English, StringComparison.Ordinal);
        Assert.Null(rundown.OnAirItemId);
    }

    [Fact]
    public void Edit_AfterTheShowIsDone_IsRefusedAndChangesNothing()
    {
        var rundown = Show();
        var open = Guid.CreateVersion7();
        rundown.AddLine(Producer, open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));
        rundown.Activate(Producer);
        rundown.Take(Producer, Start);
        rundown.Finish(Producer, Start.AddSeconds(12));
        var version = rundown.Version;

        var result = rundown.AddLine(Producer, Guid.CreateVersion7(), RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));

        Assert.False(result.Succeeded);
        Assert.Single(rundown.Items);
        Assert.Equal(version, rundown.Version);
        Assert.Equal(TimeSpan.FromSeconds(12), rundown.Find(open)!.AiredDuration);
    }

    [Fact]
    public void Lock_LeavesEditingToProducers()
    {
        var rundown = Show();
        Assert.True(rundown.Lock(Producer).Succeeded);

        Assert.Equal(RundownStatus.Locked, rundown.Status);
        Assert.False(RundownWorkflow.Table.Allows([StaffRoles.Editor], rundown.Status, RundownAction.Edit));
        Assert.True(RundownWorkflow.Table.Allows([StaffRoles.Producer], rundown.Status, RundownAction.Edit));
        Assert.True(RundownWorkflow.Table.Allows([StaffRoles.Editor], RundownStatus.Planning, RundownAction.Edit));
        Assert.False(RundownWorkflow.Table.RoleMayEver([StaffRoles.Reporter], RundownAction.Take));

        var editor = new Actor(Guid.CreateVersion7(), "editor", [StaffRoles.Editor]);
        var refused = rundown.AddLine(editor, Guid.CreateVersion7(), RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));
        Assert.Equal(WorkflowOutcome.Forbidden, refused.Outcome);
        Assert.Empty(rundown.Items);
    }

    [Fact]
    public void MoveItem_ThatHasAired_IsRefused()
    {
        var rundown = Show();
        var open = Guid.CreateVersion7();
        rundown.AddLine(Producer, open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));
        rundown.AddLine(Producer, Guid.CreateVersion7(), RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));
        rundown.Activate(Producer);
        rundown.Take(Producer, Start);

        Assert.False(rundown.MoveItem(Producer, open, 1).Succeeded);
        Assert.False(rundown.FloatItem(Producer, open).Succeeded);
        Assert.False(rundown.RemoveItem(Producer, open).Succeeded);
    }

    [Fact]
    public void SetState_MovesAnItemTowardsAir()
    {
        var rundown = Show();
        var item = Guid.CreateVersion7();
        rundown.AddStory(Producer, item, Guid.CreateVersion7(), "STORY");
        Assert.Equal(RundownItemState.NotReady, rundown.Find(item)!.State);

        rundown.SetState(Producer, item, RundownItemState.Approved);

        Assert.Equal(RundownItemState.Approved, rundown.Find(item)!.State);
        Assert.False(rundown.SetState(Producer, Guid.CreateVersion7(), RundownItemState.Ready).Succeeded);
    }

    [Fact]
    public void Replan_MovesTheHardOut_AndEveryBackTimeFollows_ButNeverBeforeTheStart()
    {
        var rundown = Show();
        var open = Guid.CreateVersion7();
        rundown.AddLine(Producer, open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));
        var noScripts = new Dictionary<Guid, StoryContent>();

        // 18:40 − 10 s of show = 18:39:50; 30 minutes of show planned, now 40 and 10 s used: 2390 s under.
        Assert.True(rundown.Replan(Producer, " Late News ", Start, Start.AddMinutes(40)).Succeeded);
        var timing = rundown.Timing(noScripts);
        Assert.Equal("Late News", rundown.Show);
        Assert.Equal(Start.AddMinutes(40).AddSeconds(-10), timing.Items[0].BackTime);
        Assert.Equal(TimeSpan.FromSeconds(-2390), timing.OverUnder);

        var version = rundown.Version;
        Assert.Equal(WorkflowOutcome.Invalid, rundown.Replan(Producer, "Late News", Start, Start).Outcome);
        Assert.Equal(WorkflowOutcome.Invalid, rundown.Replan(Producer, " ", Start, Start.AddMinutes(5)).Outcome);
        Assert.Equal(version, rundown.Version);
    }
}
