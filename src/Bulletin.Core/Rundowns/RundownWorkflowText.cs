using Bulletin.Core.Text;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// The rundown workflow's words: its states and actions as its refusals name them (the English is each code, as
/// the API spells it), and the reasons a rundown change gives for being refused.
/// </summary>
public static class RundownWorkflowText
{
    public static readonly Phrase Rundown = new("런다운", "rundown");
    public static readonly Phrase Rundowns = new("런다운", "rundowns");

    public static readonly Phrase Planning = new("구성 중", "planning");
    public static readonly Phrase Locked = new("확정", "locked");
    public static readonly Phrase OnAir = new("방송 중", "on-air");
    public static readonly Phrase Done = new("방송 끝", "done");

    public static readonly Phrase Edit = new("편집", "edit");
    public static readonly Phrase Lock = new("확정", "lock");
    public static readonly Phrase Unlock = new("확정 풀기", "unlock");
    public static readonly Phrase Activate = new("방송 시작", "activate");
    public static readonly Phrase Next = new("다음 항목 지정", "next");
    public static readonly Phrase Take = new("테이크", "take");
    public static readonly Phrase Finish = new("방송 마침", "finish");

    public static readonly Phrase StoryLineNeedsAStory = new(
        "기사 항목에는 기사가 있어야 합니다. 기사 추가로 넣으세요.",
        "A story line needs a story; use AddStory.");
    public static readonly Phrase OnAirItemKeepsItsPlace = new(
        "방송에 나간 항목은 자리를 옮길 수 없습니다.",
        "An item that has been on air keeps its place.");

    /// <summary>{0} the position asked for, {1} the last position there is.</summary>
    public static readonly Phrase PositionOutside = new(
        "{0}번 자리는 런다운에 없습니다 (0부터 {1}까지).",
        "Position {0} is outside the rundown (0 to {1}).");
    public static readonly Phrase OnAirItemStaysOnRecord = new(
        "방송에 나간 항목은 기록으로 남아 지울 수 없습니다.",
        "An item that has been on air stays on record.");
    public static readonly Phrase DurationNegative = new("길이는 음수일 수 없습니다.", "A duration cannot be negative.");
    public static readonly Phrase LineTimedByDuration = new(
        "광고·중계 같은 항목은 정해 둔 길이로만 시간을 잽니다.",
        "A break or live line is timed only by its duration.");
    public static readonly Phrase ShowEmpty = new("프로그램 이름을 입력하세요.", "A show needs a name.");
    public static readonly Phrase HardOutBeforeStart = new("끝 시각(하드 아웃)은 시작 시각보다 뒤여야 합니다.", "The hard out must come after the start.");

    /// <summary>{0} the version the change was based on, {1} the saved one.</summary>
    public static readonly Phrase ChangedWhileYouWorked = new(
        "런다운이 v{0} 이후 바뀌었습니다 (지금 v{1}). 다시 읽고 고치세요.",
        "The rundown changed after v{0} (it is now v{1}); read it again and redo the change.");

    /// <summary>{0} the story's id.</summary>
    public static readonly Phrase NoSuchStory = new("{0} 기사가 없습니다.", "There is no story {0}.");
    /// <summary>{0} the most characters a show's name may have.</summary>
    public static readonly Phrase ShowTooLong = new("프로그램 이름은 {0}자까지입니다.", "A show's name has at most {0} characters.");

    /// <summary>{0} the most characters a slug may have.</summary>
    public static readonly Phrase SlugTooLong = new("슬러그는 {0}자까지입니다.", "A slug has at most {0} characters.");
    public static readonly Phrase SlugEmpty = new("슬러그를 입력하세요.", "A slug cannot be empty.");
    public static readonly Phrase CannotBeNext = new(
        "플로트하지 않았고 아직 방송에 나가지 않은 항목만 다음 항목이 될 수 있습니다.",
        "Only an item that is not floated and has not been on air can be next.");
    public static readonly Phrase NothingIsNext = new(
        "다음 항목이 없습니다. 다음 항목 지정으로 하나를 고르세요.",
        "Nothing is next: choose an item with Next.");
    public static readonly Phrase ItemIdTaken = new("런다운에 이 ID의 항목이 이미 있습니다.", "The rundown already has an item with this id.");
    public static readonly Phrase NoSuchBlock = new("런다운에 그런 블록이 없습니다.", "The rundown has no such block.");
    public static readonly Phrase BlockIdTaken = new("런다운에 이 ID의 블록이 이미 있습니다.", "The rundown already has a block with this id.");

    /// <summary>{0} the most characters a block's name may have.</summary>
    public static readonly Phrase BlockNameTooLong = new("블록 이름은 {0}자까지입니다.", "A block's name has at most {0} characters.");
    public static readonly Phrase OnAirItemCannotFloat = new(
        "방송에 나간 항목은 플로트할 수 없습니다.",
        "An item that has been on air cannot be floated.");

    /// <summary>{0} the most characters an id may have.</summary>
    public static readonly Phrase ObjectIdInvalid = new(
        "스튜디오 개체에는 장비 ID와 개체 ID가 있어야 합니다 (각각 {0}자까지).",
        "A studio object needs a device id and an object id, each of at most {0} characters.");

    /// <summary>{0} the most objects a line may hold.</summary>
    public static readonly Phrase TooManyObjects = new("한 항목에는 스튜디오 개체를 {0}개까지 붙일 수 있습니다.", "A line holds at most {0} studio objects.");

    /// <summary>{0} the object's id.</summary>
    public static readonly Phrase ObjectAlreadyAttached = new("{0} 개체는 이 항목에 이미 붙어 있습니다.", "The object {0} is already on this line.");

    /// <summary>{0} the object's id.</summary>
    public static readonly Phrase NoSuchObject = new("이 항목에 {0} 개체가 없습니다.", "The line has no object {0}.");

    /// <summary>{0} the most syllables a minute, {1} the most words a minute.</summary>
    public static readonly Phrase ReadRateOutside = new(
        "읽기 속도는 한국어 분당 1~{0}음절, 영어 분당 1~{1}단어여야 합니다.",
        "A read rate is 1 to {0} Korean syllables and 1 to {1} English words a minute.");

    /// <summary>{0} the most characters a presenter's name may have.</summary>
    public static readonly Phrase PresenterTooLong = new("진행자 이름은 {0}자까지입니다.", "A presenter's name has at most {0} characters.");

    /// <summary>{0} the item's id.</summary>
    public static readonly Phrase NoSuchItem = new("런다운에 {0} 항목이 없습니다.", "The rundown has no item {0}.");

    public static readonly WorkflowNames<RundownStatus, RundownAction> Names = new(Rundown, Rundowns, State, Action);

    public static Phrase State(RundownStatus status) => status switch
    {
        RundownStatus.Planning => Planning,
        RundownStatus.Locked => Locked,
        RundownStatus.OnAir => OnAir,
        RundownStatus.Done => Done,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Phrase Action(RundownAction action) => action switch
    {
        RundownAction.Edit => Edit,
        RundownAction.Lock => Lock,
        RundownAction.Unlock => Unlock,
        RundownAction.Activate => Activate,
        RundownAction.Next => Next,
        RundownAction.Take => Take,
        RundownAction.Finish => Finish,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
