using Bulletin.Core.Text;
using Bulletin.Data.Wires;

namespace Bulletin.Areas.Newsroom;

/// <summary>The Incoming page's words: what the wires delivered, and how each wire is doing.</summary>
public static class IncomingText
{
    // Pages/Desk/Incoming.cshtml
    public static readonly Phrase Incoming = new("수신 기사", "Incoming");
    public static readonly Phrase Wires = new("통신 소스", "Wires");
    public static readonly Phrase NoWires = new("설정된 통신 소스가 없습니다 (Wires:Sources).", "No wires are configured (Wires:Sources).");
    public static readonly Phrase Wire = new("소스", "Wire");
    public static readonly Phrase Where = new("위치", "Where");
    public static readonly Phrase LastSuccess = new("마지막 성공", "Last success");
    public static readonly Phrase NextTry = new("다음 시도", "Next try");
    public static readonly Phrase Failures = new("연속 실패", "Failures in a row");
    public static readonly Phrase LastError = new("마지막 오류", "Last error");
    public static readonly Phrase Healthy = new("정상", "Healthy");
    public static readonly Phrase Failing = new("실패 중", "Failing");
    public static readonly Phrase NotYetPolled = new("아직 확인 안 함", "Not polled yet");
    public static readonly Phrase Trusted = new("바로 출고", "Publishes directly");
    public static readonly Phrase Received = new("수신", "Received");
    public static readonly Phrase From = new("출처", "From");
    public static readonly Phrase Take = new("기사로 가져오기", "Take into a story");
    public static readonly Phrase Discard = new("버리기", "Discard");
    public static readonly Phrase Withdrawn = new("철회됨", "Withdrawn by the source");
    public static readonly Phrase OpenStory = new("기사 열기", "Open the story");
    public static readonly Phrase Nothing = new("수신 기사가 없습니다.", "Nothing has arrived.");
    public static readonly Phrase Older = new("이전 기사", "Older");
    public static readonly Phrase NotTaken = new("가져오지 못했습니다: {0}", "Not taken: {0}");

    public static readonly IReadOnlyDictionary<IncomingStatus, Phrase> Status = new Dictionary<IncomingStatus, Phrase>
    {
        [IncomingStatus.New] = new("새 기사", "New"),
        [IncomingStatus.Taken] = new("가져옴", "Taken"),
        [IncomingStatus.Published] = new("출고됨", "Published"),
        [IncomingStatus.Discarded] = new("버림", "Discarded"),
    };
}
