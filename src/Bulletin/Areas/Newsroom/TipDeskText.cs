using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The tip desk's words: its list, a tip's page, statuses and channels.</summary>
public static class TipDeskText
{
    // Pages/Tips/Index.cshtml
    public static readonly Phrase TipDesk = new("제보 데스크", "Tip desk");
    public static readonly Phrase CallLoggedReadReceipt = new(
        "전화 제보를 기록했습니다. 제보자에게 이 접수 번호를 한 번만 불러 주세요:",
        "The call is logged. Read this receipt to the caller, once:");
    public static readonly Phrase OpenTheTip = new("제보 열기", "Open the tip");
    public static readonly Phrase WriteDownWhatTheCallerSaid = new(
        "통화 내용을 적어 주세요.",
        "Write down what the caller said.");
    public static readonly Phrase Search = new("검색", "Search");
    public static readonly Phrase Status = new("상태", "Status");
    public static readonly Phrase All = new("전체", "All");
    public static readonly Phrase Channel = new("경로", "Channel");
    public static readonly Phrase ReceivedFrom = new("접수일 (부터)", "Received from");
    public static readonly Phrase ReceivedTo = new("접수일 (까지)", "Received to");
    public static readonly Phrase Find = new("찾기", "Find");
    public static readonly Phrase Received = new("접수일", "Received");
    public static readonly Phrase TipColumn = new("내용", "Tip");
    public static readonly Phrase FilesColumn = new("파일", "Files");
    public static readonly Phrase AssignedTo = new("담당", "Assigned");
    public static readonly Phrase Duplicate = new("중복", "duplicate");
    public static readonly Phrase NoTipsMatch = new("해당하는 제보가 없습니다.", "No tips match.");
    public static readonly Phrase LogAPhoneCall = new("전화 제보 기록", "Log a phone call");
    public static readonly Phrase WhatTheCallerSaid = new("제보 내용", "What the caller said");
    public static readonly Phrase CallBackNumberOptional = new("회신 번호 (선택)", "Call-back number (optional)");
    public static readonly Phrase AgreedToBeContacted = new("연락해도 된다고 동의함", "Agreed to be contacted");
    public static readonly Phrase AgreedToBeCredited = new("이름을 밝혀도 된다고 동의함", "Agreed to be credited");
    public static readonly Phrase LogTheCall = new("기록", "Log the call");

    // Pages/Tips/Tip.cshtml
    public static readonly Phrase Tip = new("제보", "Tip");
    public static readonly Phrase Contact = new("연락처", "Contact");
    public static readonly Phrase None = new("(없음)", "(none)");
    public static readonly Phrase Consent = new("동의", "Consent");
    public static readonly Phrase MayBeContacted = new("연락 동의함", "may be contacted");
    public static readonly Phrase MayNotBeContacted = new("연락 동의 안 함", "may not be contacted");
    public static readonly Phrase MayBeCredited = new("이름 공개 동의함", "may be credited");
    public static readonly Phrase MayNotBeCredited = new("이름 공개 동의 안 함", "may not be credited");
    public static readonly Phrase Story = new("관련 기사", "Story");
    public static readonly Phrase DuplicateOf = new("중복 (원 제보)", "Duplicate of");
    public static readonly Phrase WhatWasSent = new("제보 내용", "What was sent");
    public static readonly Phrase Files = new("첨부 파일", "Files");
    public static readonly Phrase DownloadTheScrubbedCopy = new("정리된 사본 받기", "Download the scrubbed copy");
    public static readonly Phrase OpenOriginalUnscrubbed = new(
        "원본 열기 (기록됨) — 정리 안 됨: 게재 금지",
        "Open the original (audited) — unscrubbed: do not publish");
    public static readonly Phrase Actions = new("처리", "Actions");
    public static readonly Phrase StartReview = new("검토 시작", "Start review");
    public static readonly Phrase Decline = new("보류", "Decline");
    public static readonly Phrase Spam = new("스팸", "Spam");
    public static readonly Phrase AssignToAReporter = new("기자에게 배정", "Assign to a reporter");
    public static readonly Phrase Assign = new("배정", "Assign");
    public static readonly Phrase LinkAStory = new("기사 연결 (기사 ID)", "Link a story (story id)");
    public static readonly Phrase Link = new("연결", "Link");
    public static readonly Phrase UsedInAStory = new("보도에 사용 (기사 ID)", "Used in a story (story id)");
    public static readonly Phrase MarkUsed = new("사용됨으로 표시", "Mark used");
    public static readonly Phrase MergeADuplicate = new(
        "중복 제보를 이 제보로 합치기 (제보 ID)",
        "Merge a duplicate into this tip (tip id)");
    public static readonly Phrase Merge = new("합치기", "Merge");
    public static readonly Phrase ConversationAndNotes = new("대화와 메모", "Conversation and notes");
    public static readonly Phrase Tipster = new("제보자", "Tipster");
    public static readonly Phrase Reply = new("답장", "Reply");
    public static readonly Phrase NoteForTheDesk = new("메모 (제보자에게 안 보임)", "Note (tipster never sees it)");
    public static readonly Phrase ReplyToTheTipster = new("제보자에게 답장", "Reply to the tipster");
    public static readonly Phrase ReplyGoesByReceiptAndEmail = new(
        "제보자가 접수 번호로 확인하고, 이메일로도 받습니다.",
        "The tipster reads it with the receipt, and gets it by e-mail too.");
    public static readonly Phrase ReplyGoesByReceipt = new(
        "제보자가 접수 번호로 확인합니다.",
        "The tipster reads it with the receipt.");
    public static readonly Phrase SendTheReply = new("답장 보내기", "Send the reply");
    public static readonly Phrase DeskNote = new("데스크 메모", "Desk note");
    public static readonly Phrase AddTheNote = new("메모 남기기", "Add the note");

    // Pages/Tips/Tip.cshtml.cs
    public static readonly Phrase ChooseAReporter = new("기자를 고르세요.", "Choose a reporter.");
    public static readonly Phrase StoryIdNeeded = new("기사 ID가 필요합니다.", "A story id is needed.");
    public static readonly Phrase NoteEmpty = new("메모가 비어 있습니다.", "The note is empty.");
    public static readonly Phrase ReplyEmpty = new("답장이 비어 있습니다.", "The reply is empty.");
    public static readonly Phrase OtherTipIdNeeded = new("다른 제보의 ID를 입력하세요.", "Give the id of another tip.");

    // TipText.cs
    public static readonly Phrase StatusNewTip = new("새 제보", "New");
    public static readonly Phrase StatusReviewing = new("검토 중", "Reviewing");
    public static readonly Phrase StatusAssigned = new("배정됨", "Assigned");
    public static readonly Phrase StatusUsed = new("보도에 사용", "Used");
    public static readonly Phrase StatusDeclined = new("보류", "Declined");
    public static readonly Phrase ChannelWeb = new("웹", "Web");
    public static readonly Phrase ChannelEmail = new("이메일", "E-mail");
    public static readonly Phrase ChannelKakao = new("카카오톡", "KakaoTalk");
    public static readonly Phrase ChannelPhone = new("전화", "Phone");
}
