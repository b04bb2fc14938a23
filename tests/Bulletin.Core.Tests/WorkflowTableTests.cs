using Bulletin.Core.Stories;
using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tests;

/// <summary>
/// The shape every workflow shares, checked on each table and on the aggregates that follow them: every row can be
/// reached, every row's roles are enforced by the aggregate itself, and a refused move is a result that changes nothing.
/// </summary>
public sealed class WorkflowTableTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 10, 16);
    private static readonly Actor Editor = Person(StaffRoles.Editor);
    private static readonly Actor DeskMember = Person(StaffRoles.TipDesk);

    /// <summary>Everyone who could act: each person's role alone, and each of Bulletin's own.</summary>
    public static TheoryData<string> Roles() =>
        [.. StaffRoles.All, StaffRoles.Scheduler, StaffRoles.Importer, StaffRoles.Reader];

    [Fact]
    public void StoryTable_EveryRowIsReachableFromARowThatMakesAStory()
    {
        var unreachable = Unreachable(StoryWorkflow.Table);
        Assert.True(unreachable.Count == 0, "Unreachable rows: " + string.Join("; ", unreachable));
        Assert.Equal(Enum.GetValues<StoryStatus>().Order(), Reached(StoryWorkflow.Table).Order());
    }

    [Fact]
    public void TipTable_EveryRowIsReachableFromTheRowThatReceivesATip()
    {
        var unreachable = Unreachable(TipWorkflow.Table);
        Assert.True(unreachable.Count == 0, "Unreachable rows: " + string.Join("; ", unreachable));
        Assert.Equal(Enum.GetValues<TipStatus>().Order(), Reached(TipWorkflow.Table).Order());
    }

    [Fact]
    public void Tables_NameOnlyKnownRoles_AndNoPersonMayActAsBulletinItself()
    {
        string[] bulletins = [StaffRoles.Scheduler, StaffRoles.Importer, StaffRoles.Reader];
        var named = StoryWorkflow.Table.Roles().Concat(TipWorkflow.Table.Roles()).ToHashSet();
        Assert.All(named, role => Assert.True(StaffRoles.IsKnown(role) || bulletins.Contains(role), role));
        Assert.All(bulletins, role => Assert.False(StaffRoles.IsKnown(role), role));
        Assert.DoesNotContain(StaffRoles.Admin, named);
    }

    [Fact]
    public void Table_WithTwoRowsForOneStateAndAction_IsRefusedWhenBuilt()
    {
        var twice = Assert.Throws<ArgumentException>(() => new WorkflowTable<TipStatus, TipAction>(TipWorkflowText.Names,
            [
                new(TipStatus.New, TipAction.Review, TipStatus.Reviewing, StaffRoles.Set(StaffRoles.TipDesk)),
                new(TipStatus.New, TipAction.Review, TipStatus.Declined, StaffRoles.Set(StaffRoles.Editor)),
            ]));
        Assert.Contains("two rows", twice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Story_EveryActionFromEveryState_IsTakenExactlyWhenTheTableAllowsIt(string role)
    {
        var actor = Person(role);
        foreach (var state in Enum.GetValues<StoryStatus>())
        {
            foreach (var action in Enum.GetValues<StoryAction>().Where(a => a is not StoryAction.Create))
            {
                var story = StoryIn(state);
                var version = story.Version;
                var result = Take(story, action, actor);
                var what = $"{role} {action.ToCode()} on a {state.ToCode()} story";
                if (StoryWorkflow.Table.Allows(actor.Roles, state, action))
                {
                    Assert.True(result.Outcome == WorkflowOutcome.Done, $"{what}: {result.Outcome} {result.Reason}");
                    Assert.Equal(StoryWorkflow.Table.Find(state, action)!.To, story.Status);
                    Assert.Equal(version + 1, story.Version);
                }
                else
                {
                    Assert.True(result.Outcome is WorkflowOutcome.Forbidden or WorkflowOutcome.NotAllowedNow, $"{what}: {result.Outcome}");
                    Assert.Equal(StoryWorkflow.Table.Check(actor.Roles, state, action).Outcome, result.Outcome);
                    AssertReadableInBothLanguages(result.Reason, what);
                    Assert.Equal(state, story.Status);
                    Assert.Equal(version, story.Version);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Story_Creating_IsForWritersAndImporting_ForTheImporterOnly(string role)
    {
        var actor = Person(role);
        var created = Story.Create(Guid.CreateVersion7(), "new", Content("새 기사"), null, actor, Now);
        var imported = Story.Import(Guid.CreateVersion7(), "imported", Content("들어온 기사"), null, "page", "1", actor, Now);

        Assert.Equal(role is StaffRoles.Reporter or StaffRoles.Editor, created.Succeeded);
        Assert.Equal(role is StaffRoles.Importer, imported.Succeeded);
        Assert.Equal(created.Succeeded ? WorkflowOutcome.Done : WorkflowOutcome.Forbidden, created.Result.Outcome);
        Assert.Equal(imported.Succeeded ? WorkflowOutcome.Done : WorkflowOutcome.Forbidden, imported.Result.Outcome);
        Assert.Equal(created.Succeeded ? StoryStatus.Draft : null, created.Value?.Status);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Tip_EveryActionFromEveryStatus_IsTakenExactlyWhenTheTableAllowsIt(string role)
    {
        var actor = Person(role);
        foreach (var status in Enum.GetValues<TipStatus>())
        {
            foreach (var action in Enum.GetValues<TipAction>().Where(a => a is not TipAction.Receive))
            {
                var tip = TipIn(status);
                var version = tip.Version;
                var result = Take(tip, action, actor);
                var what = $"{role} {action.ToCode()} on a {status.ToCode()} tip";
                if (TipWorkflow.Table.Allows(actor.Roles, status, action))
                {
                    Assert.True(result.Outcome == WorkflowOutcome.Done, $"{what}: {result.Outcome} {result.Reason}");
                    Assert.Equal(TipWorkflow.Table.Find(status, action)!.To, tip.Status);
                    Assert.Equal(version + 1, tip.Version);
                }
                else
                {
                    Assert.True(result.Outcome is WorkflowOutcome.Forbidden or WorkflowOutcome.NotAllowedNow, $"{what}: {result.Outcome}");
                    Assert.Equal(TipWorkflow.Table.Check(actor.Roles, status, action).Outcome, result.Outcome);
                    AssertReadableInBothLanguages(result.Reason, what);
                    Assert.Equal(status, tip.Status);
                    Assert.Equal(version, tip.Version);
                }
            }
        }
    }

    [Fact]
    public void Refusals_SayWhetherTheRoleOrTheStateStandsInTheWay()
    {
        var reporter = Person(StaffRoles.Reporter);
        var producer = Person(StaffRoles.Producer);

        var never = StoryWorkflow.Table.Check(reporter.Roles, StoryStatus.Approved, StoryAction.Publish);
        var notNow = StoryWorkflow.Table.Check(Editor.Roles, StoryStatus.Draft, StoryAction.Approve);
        var onlyOthers = StoryWorkflow.Table.Check(reporter.Roles, StoryStatus.Submitted, StoryAction.Edit);
        var killed = StoryWorkflow.Table.Check(Editor.Roles, StoryStatus.Killed, StoryAction.Publish);
        var spam = TipWorkflow.Table.Check(DeskMember.Roles, TipStatus.Spam, TipAction.Reply);
        var notDesk = TipWorkflow.Table.Check(producer.Roles, TipStatus.New, TipAction.Decline);

        Assert.Equal((WorkflowOutcome.Forbidden, "Your roles (reporter) may not publish stories."), (never.Outcome, never.Reason?.English));
        Assert.Equal("지금 역할(기자)로는 기사에 '출고' 작업을 할 수 없습니다.", never.Reason?.Korean);
        Assert.Equal(WorkflowOutcome.NotAllowedNow, notNow.Outcome);
        Assert.StartsWith("'approve' cannot be done to a story that is draft. 'approve' is open to stories that are submitted.",
            notNow.Reason?.English, StringComparison.Ordinal);
        Assert.StartsWith("초고 상태의 기사에는 '승인' 작업을 할 수 없습니다. '승인' 작업은 송고 상태의 기사에 할 수 있습니다.",
            notNow.Reason?.Korean, StringComparison.Ordinal);
        Assert.EndsWith("이 기사에 할 수 있는 작업: 편집, 데스크로 송고, 기사 삭제(킬).", notNow.Reason?.Korean, StringComparison.Ordinal);
        Assert.Equal((WorkflowOutcome.Forbidden, "Only editor may edit a story that is submitted."), (onlyOthers.Outcome, onlyOthers.Reason?.English));
        Assert.Equal((WorkflowOutcome.NotAllowedNow, "The story is killed; nothing more can be done with it."), (killed.Outcome, killed.Reason?.English));
        Assert.Equal("삭제(킬) 상태의 기사에는 더 할 수 있는 작업이 없습니다.", killed.Reason?.Korean);
        Assert.Equal(WorkflowOutcome.NotAllowedNow, spam.Outcome);
        Assert.Equal(WorkflowOutcome.Forbidden, notDesk.Outcome);
        // What people may do next is listed; Bulletin's own rows (imports) are not.
        Assert.DoesNotContain("import", notNow.Reason?.English, StringComparison.Ordinal);
        Assert.DoesNotContain("가져", notNow.Reason?.Korean, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_AreLowerCaseBothWays_AndUnknownOrNumericCodesAreRefused()
    {
        Assert.Equal(["new", "reviewing", "assigned", "used", "declined", "spam"], TipStatuses.Codes.All);
        Assert.Equal(["receive", "review", "assign", "used", "decline", "spam", "link", "notes", "replies", "merge"], TipActions.Codes.All);
        Assert.Equal("import-live", StoryAction.ImportLive.ToCode());
        Assert.True(StoryStatuses.TryParse("Published", out var published));
        Assert.Equal(StoryStatus.Published, published);
        Assert.True(TipActions.TryParse("replies", out var reply));
        Assert.Equal(TipAction.Reply, reply);
        Assert.False(TipActions.TryParse("reply", out _));
        Assert.False(StoryActions.TryParse("2", out _));
        Assert.False(TipChannels.TryParse(null, out _));
    }

    /// <summary>
    /// A refusal the newsroom shows in Korean says it all in Korean: no state, action or role left as its English
    /// code (the Korean newsroom read "Your roles (reporter) may not publish stories." before reasons were phrases).
    /// </summary>
    private static void AssertReadableInBothLanguages(Core.Text.Phrase? reason, string what)
    {
        Assert.NotNull(reason);
        Assert.False(string.IsNullOrWhiteSpace(reason.English), what);
        Assert.Matches("[\uAC00-\uD7A3]", reason.Korean);
        Assert.DoesNotMatch("[A-Za-z]", reason.Korean);
    }

    private static Actor Person(string role) => new(null, role, [role]);

    private static StoryContent Content(string headline) => new()
    {
        Headline = headline,
        Language = Language.Korean,
        Segments = [new ScriptSegment(SegmentKind.Anchor, "첫 문장")],
    };

    private static Story StoryIn(StoryStatus state)
    {
        var story = Story.Create(Guid.CreateVersion7(), "s", Content("폭설로 출근길 혼잡"), null, Editor, Now).Value!;
        Func<WorkflowResult>[] path = state switch
        {
            StoryStatus.Draft => [],
            StoryStatus.Submitted => [() => story.Submit(Editor, Now)],
            StoryStatus.Approved => [() => story.Submit(Editor, Now), () => story.Approve(Editor, Now)],
            StoryStatus.Scheduled => [() => story.Submit(Editor, Now), () => story.Approve(Editor, Now), () => story.Schedule(Now.AddHours(1), Editor, Now)],
            StoryStatus.Published => [() => story.Submit(Editor, Now), () => story.Approve(Editor, Now), () => story.Publish(Editor, Now)],
            StoryStatus.Unpublished => [() => story.Submit(Editor, Now), () => story.Approve(Editor, Now), () => story.Publish(Editor, Now), () => story.Unpublish(Editor, Now)],
            _ => [() => story.Kill(Editor, Now)],
        };
        Assert.All(path, step => Assert.Equal(WorkflowOutcome.Done, step().Outcome));
        Assert.Equal(state, story.Status);
        return story;
    }

    private static WorkflowResult Take(Story story, StoryAction action, Actor actor) => action switch
    {
        StoryAction.Edit => story.Edit(story.Content with { Headline = story.Headline + " (고침)" }, story.SectionId, actor, Now),
        StoryAction.Submit => story.Submit(actor, Now),
        StoryAction.Approve => story.Approve(actor, Now),
        StoryAction.Schedule => story.Schedule(Now.AddHours(2), actor, Now),
        StoryAction.Publish => story.Publish(actor, Now),
        StoryAction.Correct => story.Correct("이름을 바로잡았습니다.", actor, Now),
        StoryAction.Unpublish => story.Unpublish(actor, Now),
        StoryAction.Kill => story.Kill(actor, Now),
        StoryAction.Import => story.Import(story.Content with { Headline = story.Headline + " (출처)" }, null, actor, Now),
        StoryAction.ImportLive => story.ImportLive(actor, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No verb for this action in the test."),
    };

    private static ReaderTip TipIn(TipStatus status)
    {
        var tip = ReaderTip.Receive(Guid.NewGuid(), TipChannel.Web, "hash", [1, 2, 3], Today);
        Func<WorkflowResult>[] path = status switch
        {
            TipStatus.New => [],
            TipStatus.Reviewing => [() => tip.StartReview(DeskMember, Today)],
            TipStatus.Assigned => [() => tip.AssignTo("reporter-kim", DeskMember, Today)],
            TipStatus.Used => [() => tip.StartReview(DeskMember, Today), () => tip.MarkUsed(Guid.CreateVersion7(), DeskMember, Today)],
            TipStatus.Declined => [() => tip.Decline(DeskMember, Today)],
            _ => [() => tip.MarkSpam(DeskMember, Today)],
        };
        Assert.All(path, step => Assert.Equal(WorkflowOutcome.Done, step().Outcome));
        Assert.Equal(status, tip.Status);
        return tip;
    }

    private static WorkflowResult Take(ReaderTip tip, TipAction action, Actor actor) => action switch
    {
        TipAction.Review => tip.StartReview(actor, Today),
        TipAction.Assign => tip.AssignTo("reporter-park", actor, Today),
        TipAction.Use => tip.MarkUsed(Guid.CreateVersion7(), actor, Today),
        TipAction.Decline => tip.Decline(actor, Today),
        TipAction.Spam => tip.MarkSpam(actor, Today),
        TipAction.Link => tip.LinkStory(Guid.CreateVersion7(), actor, Today),
        TipAction.Note => tip.AddDeskMessage(new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskNote, actor.Name, [4], Today), actor, Today),
        TipAction.Reply => tip.AddDeskMessage(new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskReply, actor.Name, [5], Today), actor, Today),
        TipAction.Merge => tip.MergeInto(ReaderTip.Receive(Guid.NewGuid(), TipChannel.Email, "other", [6], Today), actor, Today),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No verb for this action in the test."),
    };

    /// <summary>States reached by following rows from the rows that make the thing.</summary>
    private static HashSet<TState> Reached<TState, TAction>(WorkflowTable<TState, TAction> table)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        var reached = table.Steps.Where(s => s.From is null).Select(s => s.To).ToHashSet();
        for (var grew = true; grew;)
        {
            var next = table.Steps.Where(s => s.From is { } from && reached.Contains(from)).Select(s => s.To).ToList();
            grew = next.Any(reached.Add);
        }

        return reached;
    }

    private static List<string> Unreachable<TState, TAction>(WorkflowTable<TState, TAction> table)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        var reached = Reached(table);
        Assert.Contains(table.Steps, s => s.From is null);
        return [.. table.Steps.Where(s => s.From is { } from && !reached.Contains(from)).Select(s => $"{s.From} {s.Action}")];
    }
}
