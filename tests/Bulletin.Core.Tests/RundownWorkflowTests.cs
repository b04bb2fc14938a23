using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tests;

public sealed class RundownWorkflowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);

    private static Rundown Show() =>
        Rundown.Create(Guid.CreateVersion7(), "News", new DateOnly(2026, 12, 1), Language.English, Start, Start.AddMinutes(30));

    [Fact]
    public void Take_BeforeTheShowIsOnAir_IsRefusedWithAReason()
    {
        var rundown = Show();
        rundown.AddLine(Guid.CreateVersion7(), RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));

        var result = rundown.Take(Start);

        Assert.False(result.Succeeded);
        Assert.Contains("on air", result.Refusal, StringComparison.Ordinal);
        Assert.Null(rundown.OnAirItemId);
    }

    [Fact]
    public void Edit_AfterTheShowIsDone_IsRefusedAndChangesNothing()
    {
        var rundown = Show();
        var open = Guid.CreateVersion7();
        rundown.AddLine(open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));
        rundown.Activate();
        rundown.Take(Start);
        rundown.Finish(Start.AddSeconds(12));
        var version = rundown.Version;

        var result = rundown.AddLine(Guid.CreateVersion7(), RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));

        Assert.False(result.Succeeded);
        Assert.Single(rundown.Items);
        Assert.Equal(version, rundown.Version);
        Assert.Equal(TimeSpan.FromSeconds(12), rundown.Find(open)!.AiredDuration);
    }

    [Fact]
    public void Lock_LeavesEditingToProducers()
    {
        var rundown = Show();
        Assert.True(rundown.Lock().Succeeded);

        Assert.Equal(RundownStatus.Locked, rundown.Status);
        Assert.False(RundownWorkflow.Allows([StaffRoles.Editor], rundown.Status, RundownAction.Edit));
        Assert.True(RundownWorkflow.Allows([StaffRoles.Producer], rundown.Status, RundownAction.Edit));
        Assert.True(RundownWorkflow.Allows([StaffRoles.Editor], RundownStatus.Planning, RundownAction.Edit));
        Assert.False(RundownWorkflow.RoleMayEver([StaffRoles.Reporter], RundownAction.Take));
    }

    [Fact]
    public void MoveItem_ThatHasAired_IsRefused()
    {
        var rundown = Show();
        var open = Guid.CreateVersion7();
        rundown.AddLine(open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(10));
        rundown.AddLine(Guid.CreateVersion7(), RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2));
        rundown.Activate();
        rundown.Take(Start);

        Assert.False(rundown.MoveItem(open, 1).Succeeded);
        Assert.False(rundown.FloatItem(open).Succeeded);
        Assert.False(rundown.RemoveItem(open).Succeeded);
    }

    [Fact]
    public void SetState_MovesAnItemTowardsAir()
    {
        var rundown = Show();
        var item = Guid.CreateVersion7();
        rundown.AddStory(item, Guid.CreateVersion7(), "STORY");
        Assert.Equal(RundownItemState.NotReady, rundown.Find(item)!.State);

        rundown.SetState(item, RundownItemState.Approved);

        Assert.Equal(RundownItemState.Approved, rundown.Find(item)!.State);
        Assert.False(rundown.SetState(Guid.CreateVersion7(), RundownItemState.Ready).Succeeded);
    }
}
