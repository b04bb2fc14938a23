using Bulletin.Core.Stories;
using Bulletin.Core.Text;

namespace Bulletin.Core.Workflow;

/// <summary>
/// The story workflow's words: its states and actions as its refusals name them (the English is each code, as the
/// API spells it), and the reasons a story action gives for being refused.
/// </summary>
public static class StoryWorkflowText
{
    public static readonly Phrase Story = new("기사", "story");
    public static readonly Phrase Stories = new("기사", "stories");

    public static readonly Phrase Draft = new("초고", "draft");
    public static readonly Phrase Submitted = new("송고", "submitted");
    public static readonly Phrase Approved = new("승인", "approved");
    public static readonly Phrase Scheduled = new("예약 출고", "scheduled");
    public static readonly Phrase Published = new("출고", "published");
    public static readonly Phrase Unpublished = new("출고 취소", "unpublished");
    public static readonly Phrase Killed = new("삭제(킬)", "killed");

    public static readonly Phrase Edit = new("편집", "edit");
    public static readonly Phrase Submit = new("데스크로 송고", "submit");
    public static readonly Phrase Approve = new("승인", "approve");
    public static readonly Phrase Schedule = new("예약 출고", "schedule");
    public static readonly Phrase Publish = new("출고", "publish");
    public static readonly Phrase Correct = new("정정 출고", "correct");
    public static readonly Phrase Unpublish = new("출고 취소", "unpublish");
    public static readonly Phrase Kill = new("기사 삭제(킬)", "kill");
    public static readonly Phrase Create = new("새 기사 작성", "create");
    public static readonly Phrase Import = new("가져오기", "import");
    public static readonly Phrase ImportLive = new("가져와 출고", "import-live");

    public static readonly Phrase CorrectionNeedsANote = new(
        "정정 출고에는 무엇을 바로잡았는지 밝히는 공개 정정 문구가 필요합니다.",
        "A correction needs a public note saying what was corrected.");
    public static readonly Phrase SchedulingNeedsATime = new(
        "예약 출고에는 시각('at')이 필요합니다.",
        "Scheduling needs a time ('at').");

    /// <summary>{0} the action's code.</summary>
    public static readonly Phrase NotAnActionRoute = new(
        "'{0}' 작업은 작업 경로로 하지 않고 저장, 새 기사 작성, 가져오기로 합니다.",
        "'{0}' has a way of its own (saving, creating, importing), not an action route.");

    /// <summary>{0} the version the editor started from, {1} the version the story is at now.</summary>
    public static readonly Phrase SavedWhileYouWorked = new(
        "작업하는 동안 다른 사람이 이 기사를 저장했습니다. 시작한 판은 {0}, 지금은 {1}입니다. "
        + "입력한 글은 저장되지 않았습니다. 두 판을 비교하고 다시 저장하세요.",
        "This story was saved by someone else while you worked on it: you started from version {0}, "
        + "it is now at version {1}. Your text has not been saved; compare the two and save again.");

    public static readonly WorkflowNames<StoryStatus, StoryAction> Names = new(Story, Stories, State, Action);

    public static Phrase State(StoryStatus status) => status switch
    {
        StoryStatus.Draft => Draft,
        StoryStatus.Submitted => Submitted,
        StoryStatus.Approved => Approved,
        StoryStatus.Scheduled => Scheduled,
        StoryStatus.Published => Published,
        StoryStatus.Unpublished => Unpublished,
        StoryStatus.Killed => Killed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Phrase Action(StoryAction action) => action switch
    {
        StoryAction.Edit => Edit,
        StoryAction.Submit => Submit,
        StoryAction.Approve => Approve,
        StoryAction.Schedule => Schedule,
        StoryAction.Publish => Publish,
        StoryAction.Correct => Correct,
        StoryAction.Unpublish => Unpublish,
        StoryAction.Kill => Kill,
        StoryAction.Create => Create,
        StoryAction.Import => Import,
        StoryAction.ImportLive => ImportLive,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
