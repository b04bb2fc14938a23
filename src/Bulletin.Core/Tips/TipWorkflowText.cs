using Bulletin.Core.Text;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>
/// The tip workflow's words: its states and actions as its refusals name them (the English is each code, as the
/// API spells it), and the reasons a tip action gives for being refused.
/// </summary>
public static class TipWorkflowText
{
    public static readonly Phrase Tip = new("제보", "tip");
    public static readonly Phrase Tips = new("제보", "tips");

    public static readonly Phrase New = new("새 제보", "new");
    public static readonly Phrase Reviewing = new("검토 중", "reviewing");
    public static readonly Phrase Assigned = new("배정됨", "assigned");
    public static readonly Phrase Used = new("보도에 사용", "used");
    public static readonly Phrase Declined = new("보류", "declined");
    public static readonly Phrase Spam = new("스팸", "spam");

    public static readonly Phrase Receive = new("접수", "receive");
    public static readonly Phrase Review = new("검토 시작", "review");
    public static readonly Phrase Assign = new("배정", "assign");
    public static readonly Phrase Use = new("보도에 사용", "used");
    public static readonly Phrase Decline = new("보류", "decline");
    public static readonly Phrase MarkSpam = new("스팸 처리", "spam");
    public static readonly Phrase Link = new("기사 연결", "link");
    public static readonly Phrase Note = new("메모", "notes");
    public static readonly Phrase Reply = new("답장", "replies");
    public static readonly Phrase Merge = new("합치기", "merge");

    public static readonly Phrase ChooseAReporter = new("배정할 기자를 고르세요.", "Choose a reporter.");
    public static readonly Phrase NotIntoItself = new("제보를 그 제보 자신에 합칠 수는 없습니다.", "A tip cannot be merged into itself.");
    public static readonly Phrase IntoThePrimary = new(
        "그 제보는 이미 다른 제보에 합쳐졌습니다. 그 다른 제보에 합치세요.",
        "Merge into the tip the other one was merged into.");
    public static readonly Phrase AlreadyMerged = new("이 제보는 이미 다른 제보에 합쳐졌습니다.", "This tip has already been merged.");

    public static readonly Phrase NoteEmpty = new("메모가 비어 있습니다.", "The note is empty.");
    public static readonly Phrase ReplyEmpty = new("답장이 비어 있습니다.", "The reply is empty.");
    public static readonly Phrase NoSuchTip = new("그런 제보가 없습니다.", "There is no such tip.");
    public static readonly Phrase NoTipToMergeInto = new("합칠 대상 제보가 없습니다.", "There is no such tip to merge into.");
    public static readonly Phrase ReceivedThroughChannels = new(
        "제보는 데스크 작업이 아니라 제보 창구로 접수됩니다.",
        "Tips are received through their channels, not by a desk action.");

    /// <summary>{0} the version the desk member saw, {1} the version the tip is at now.</summary>
    public static readonly Phrase ChangedWhileYouLooked = new(
        "보고 있는 동안 데스크의 다른 사람이 이 제보를 바꿨습니다. 보신 판은 {0}, 지금은 {1}입니다. "
        + "저장된 것은 없습니다. 제보를 다시 보고 하려던 작업을 다시 하세요.",
        "Someone else on the desk changed this tip while you were looking at it: you saw version {0}, it is now at "
        + "version {1}. Nothing of yours was saved; look at the tip again and repeat what you meant to do.");

    public static readonly WorkflowNames<TipStatus, TipAction> Names = new(Tip, Tips, State, Action);

    public static Phrase State(TipStatus status) => status switch
    {
        TipStatus.New => New,
        TipStatus.Reviewing => Reviewing,
        TipStatus.Assigned => Assigned,
        TipStatus.Used => Used,
        TipStatus.Declined => Declined,
        TipStatus.Spam => Spam,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Phrase Action(TipAction action) => action switch
    {
        TipAction.Receive => Receive,
        TipAction.Review => Review,
        TipAction.Assign => Assign,
        TipAction.Use => Use,
        TipAction.Decline => Decline,
        TipAction.Spam => MarkSpam,
        TipAction.Link => Link,
        TipAction.Note => Note,
        TipAction.Reply => Reply,
        TipAction.Merge => Merge,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
