using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The words of the producer's rundown pages, the prompter and the printed rundown and scripts.</summary>
public static class RundownText
{
    // Pages/Rundowns/Index.cshtml
    public static readonly Phrase Rundowns = new("런다운", "Rundowns");
    public static readonly Phrase Show = new("프로그램", "Show");
    public static readonly Phrase AirDate = new("방송일", "Air date");
    public static readonly Phrase Start = new("시작", "Start");
    public static readonly Phrase HardOut = new("종료(하드 아웃)", "Hard out");
    public static readonly Phrase Status = new("상태", "Status");
    public static readonly Phrase Items = new("항목 수", "Items");
    public static readonly Phrase NoRundowns = new("이 기간에 런다운이 없습니다.", "No rundowns in these days.");
    public static readonly Phrase EarlierDays = new("이전 날짜", "Earlier days");
    public static readonly Phrase LaterDays = new("다음 날짜", "Later days");
    public static readonly Phrase NewRundown = new("새 런다운", "New rundown");
    public static readonly Phrase Language = new("언어", "Language");
    public static readonly Phrase Create = new("만들기", "Create");
    public static readonly Phrase GiveStartAndHardOut = new(
        "프로그램 이름과 시작·종료 시각을 입력하세요.",
        "Give the show, its start and its hard out.");

    // Pages/Rundowns/Rundown.cshtml
    public static readonly Phrase Page = new("페이지", "Page");
    public static readonly Phrase Slug = new("슬러그", "Slug");
    public static readonly Phrase StoryState = new("기사 상태", "Story state");
    public static readonly Phrase ItemState = new("준비", "Ready?");
    public static readonly Phrase Duration = new("길이", "Duration");
    public static readonly Phrase TextTime = new("원고", "Text");
    public static readonly Phrase MediaTime = new("영상", "Media");
    public static readonly Phrase FrontTime = new("프런트", "Front");
    public static readonly Phrase BackTime = new("백타임", "Back");
    public static readonly Phrase Cume = new("누적", "Cume");
    public static readonly Phrase OverUnder = new("초과/부족", "Over/under");
    public static readonly Phrase Total = new("합계", "Total");
    public static readonly Phrase ProjectedEnd = new("예상 종료", "Projected end");
    public static readonly Phrase Budget = new("배정", "Budget");
    public static readonly Phrase Block = new("블록", "Block");
    public static readonly Phrase Floated = new("플로트", "Floated");
    public static readonly Phrase FloatItem = new("플로트", "Float");
    public static readonly Phrase Unfloat = new("플로트 해제", "Unfloat");
    public static readonly Phrase MoveUp = new("위로", "Up");
    public static readonly Phrase MoveDown = new("아래로", "Down");
    public static readonly Phrase Remove = new("빼기", "Remove");
    public static readonly Phrase SetNext = new("다음으로", "Next");
    public static readonly Phrase OnAirNow = new("방송 중", "On air");
    public static readonly Phrase IsNext = new("다음", "Next");
    public static readonly Phrase Aired = new("방송함", "Aired");
    public static readonly Phrase NotReady = new("준비 안 됨", "not ready");
    public static readonly Phrase Ready = new("준비됨", "ready");
    public static readonly Phrase Approved = new("승인됨", "approved");
    public static readonly Phrase Save = new("저장", "Save");
    public static readonly Phrase AddStory = new("기사 넣기", "Add story");
    public static readonly Phrase StorySearch = new("기사 제목 또는 ID", "Story headline or id");
    public static readonly Phrase AddLine = new("광고·중계 넣기", "Add break or line");
    public static readonly Phrase KindBreak = new("광고", "Break");
    public static readonly Phrase KindLive = new("중계", "Live");
    public static readonly Phrase KindOther = new("기타", "Other");
    public static readonly Phrase KindStory = new("기사", "Story");
    public static readonly Phrase DurationMinutesSeconds = new("길이 (분:초)", "Duration (m:ss)");
    public static readonly Phrase Prompter = new("프롬프터", "Prompter");
    public static readonly Phrase PrintRundown = new("런다운 PDF", "Rundown PDF");
    public static readonly Phrase PrintScripts = new("원고 PDF", "Scripts PDF");
    public static readonly Phrase AddBlock = new("블록 넣기", "Add block");
    public static readonly Phrase BlockName = new("블록 이름", "Block name");
    public static readonly Phrase BudgetMinutesSeconds = new("배정 시간 (분:초)", "Budget (m:ss)");
    public static readonly Phrase Renumber = new("페이지 번호 다시 매기기", "Renumber pages");
    public static readonly Phrase KeyboardHelp = new(
        "줄을 선택하고 Alt+↑/↓로 순서를 바꿀 수 있습니다. 끌어서 옮겨도 됩니다.",
        "Select a row and press Alt+↑/↓ to move it, or drag it.");
    public static readonly Phrase Done = new("처리했습니다.", "Done.");
    public static readonly Phrase Live = new("실시간", "Live");
    public static readonly Phrase LiveOff = new("실시간 연결 끊김: 새로 고치면 최신 내용을 봅니다.", "Live updates lost: reload for the latest.");
    public static readonly Phrase NoSuchStory = new("그런 기사가 없습니다.", "There is no such story.");
    public static readonly Phrase DurationNotATime = new(
        "길이는 분:초(1:30)나 초(90)로 쓰세요.",
        "Write a duration as m:ss (1:30) or seconds (90).");
    public static readonly Phrase ChangedMeanwhile = new(
        "다른 사람이 먼저 런다운을 바꿨습니다. 최신 런다운에서 다시 하세요.",
        "Someone changed the rundown first; try again on the latest.");

    public static readonly Phrase Studio = new("스튜디오", "Studio");
    public static readonly Phrase StudioObjects = new("스튜디오 개체 (클립·그래픽)", "Studio objects (clips, graphics)");
    public static readonly Phrase FindObjects = new("개체 찾기", "Find objects");
    public static readonly Phrase ObjectSearch = new("슬러그 또는 개체 ID", "Slug or object id");
    public static readonly Phrase AttachObject = new("항목에 붙이기", "Attach to line");
    public static readonly Phrase DetachObject = new("떼기", "Detach");
    public static readonly Phrase Line = new("항목", "Line");
    public static readonly Phrase NoObjects = new(
        "스튜디오 장비가 알려 준 개체가 없습니다.",
        "No studio device has offered any objects.");
    public static readonly Phrase NoSuchObject = new("스튜디오 장비에 그런 개체가 없습니다.", "No studio device offers that object.");
    public static readonly Phrase HardStart = new("정시 시작", "Hard start");
    public static readonly Phrase HardStartTime = new("시각 (시:분:초, 비우면 없음)", "Time (hh:mm:ss, empty for none)");
    public static readonly Phrase HardStartNotATime = new(
        "정시 시작은 시:분(18:30)이나 시:분:초(18:30:15)로 쓰세요.",
        "Write a hard start as hh:mm (18:30) or hh:mm:ss (18:30:15).");
    public static readonly Phrase ReadRate = new("읽기 속도", "Read rate");
    public static readonly Phrase ShowReadRate = new("프로그램 읽기 속도", "The show's read rate");
    public static readonly Phrase LineReadRate = new("항목 읽기 속도", "A line's read rate");
    public static readonly Phrase Presenter = new("진행자", "Presenter");
    public static readonly Phrase ShowsPresenter = new("프로그램 진행자·속도대로", "As the show");
    public static readonly Phrase OwnRate = new("따로 정한 속도", "A rate of its own");
    public static readonly Phrase SyllablesPerMinute = new("한국어 분당 음절", "Korean syllables a minute");
    public static readonly Phrase WordsPerMinute = new("영어 분당 단어", "English words a minute");
    public static readonly Phrase RateNotANumber = new("읽기 속도는 숫자로 쓰세요.", "Write a read rate as a number.");
    public static readonly Phrase NoSuchPresenter = new("그런 진행자가 없습니다.", "There is no such presenter.");

    // Pages/Rundowns/Prompter.cshtml
    public static readonly Phrase PrompterHelp = new(
        "↑/↓·휠·페달: 스크롤, 스페이스: 자동 스크롤, +/−: 속도, [ ]: 글자 크기, < >: 읽는 선 위치, H/V: 좌우·상하 반전, F: 전체 화면, T: 테이크 따라가기",
        "↑/↓, wheel, pedal: scroll; Space: auto-scroll; +/−: speed; [ ]: type size; < >: reading marker; H/V: mirror; F: full screen; T: follow Take");
    public static readonly Phrase NothingToRead = new("읽을 원고가 없습니다.", "Nothing to read.");
    public static readonly Phrase FollowingTake = new("테이크 따라가기", "Following Take");

    // Broadcast/Printing
    public static readonly Phrase PrintedAt = new("인쇄", "Printed");
    public static readonly Phrase NoScript = new("원고 없음", "No script");
    public static readonly Phrase PdfUnavailable = new(
        "PDF를 만들 수 없습니다: {0}",
        "The PDF cannot be made: {0}");
    public static readonly Phrase NoHangulFont = new(
        "한글 글꼴을 찾지 못했습니다. 서버에 fonts-nanum을 설치하거나 Print:FontFile에 TrueType 글꼴 파일을 지정하세요.",
        "No Hangul font was found. Install fonts-nanum on the server or set Print:FontFile to a TrueType font file.");
    public static readonly Phrase FontUnreadable = new(
        "글꼴 파일 {0}을 읽을 수 없습니다.",
        "The font file {0} cannot be read.");
}
