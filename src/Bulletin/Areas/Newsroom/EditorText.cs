using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The script editor's words, with its history and preview pages.</summary>
public static class EditorText
{
    // Pages/Stories/History.cshtml
    public static readonly Phrase History = new("수정 이력", "History");
    public static readonly Phrase Action = new("작업", "Action");
    public static readonly Phrase Status = new("상태", "Status");
    public static readonly Phrase By = new("작성자", "By");
    public static readonly Phrase When = new("시각", "When");
    public static readonly Phrase Headline = new("제목", "Headline");
    public static readonly Phrase Restore = new("이 판으로 복원", "Restore");
    public static readonly Phrase CompareAAndB = new("A와 B 비교", "Compare A and B");

    // Pages/Stories/Edit.cshtml.cs
    public static readonly Phrase Saved = new("저장했습니다.", "Saved.");
    public static readonly Phrase Done = new("처리했습니다: {0}", "Done: {0}");
    public static readonly Phrase TheStoryNeedsAHeadline = new("제목을 입력하세요.", "The story needs a headline.");
    public static readonly Phrase MayNotEditAtThisStage = new(
        "이 단계의 기사는 수정할 권한이 없습니다.",
        "You may not edit a story at this stage.");
    public static readonly Phrase GiveTheTimeToPublishAt = new("예약 시각을 입력하세요.", "Give the time to publish at.");
    public static readonly Phrase SubmitToTheDesk = new("데스크로 송고", "Submit to the desk");
    public static readonly Phrase Approve = new("승인", "Approve");
    public static readonly Phrase Schedule = new("예약 출고", "Schedule");
    public static readonly Phrase PublishChanges = new("수정본 출고", "Publish changes");
    public static readonly Phrase Publish = new("출고", "Publish");
    public static readonly Phrase PublishACorrection = new("정정 출고", "Publish a correction");
    public static readonly Phrase Unpublish = new("출고 취소", "Unpublish");
    public static readonly Phrase Kill = new("기사 삭제(킬)", "Kill");

    // Pages/Stories/Edit.cshtml
    public static readonly Phrase KindAnchor = new("앵커", "Anchor");
    public static readonly Phrase KindReporter = new("기자", "Reporter");
    public static readonly Phrase KindSoundbite = new("인터뷰(SOT)", "Soundbite");
    public static readonly Phrase KindSpeaker = new("발언", "Speaker");
    public static readonly Phrase KindArticle = new("기사 본문", "Article text");
    public static readonly Phrase KindPhoto = new("사진", "Photo");
    public static readonly Phrase LeadPhoto = new("대표 사진", "Lead photo");
    public static readonly Phrase LeadPhotoFile = new("사진 파일 (JPEG, PNG, WebP)", "Photo file (JPEG, PNG, WebP)");
    public static readonly Phrase LeadPhotoNone = new("대표 사진이 없습니다.", "No lead photo.");
    public static readonly Phrase LeadPhotoRemove = new("대표 사진 빼기", "Remove the lead photo");
    public static readonly Phrase PhotoCaption = new("사진 설명", "Caption");
    public static readonly Phrase PhotoCredit = new("사진 출처", "Credit");
    public static readonly Phrase PhotoAlt = new("대체 텍스트 (사진이 보여 주는 것)", "Alt text (what the photo shows)");
    public static readonly Phrase PhotoNotTaken = new("사진을 올리지 못했습니다: {0}", "The photo was not uploaded: {0}");
    public static readonly Phrase NewStory = new("새 기사", "New story");
    public static readonly Phrase EditStory = new("기사 편집", "Edit story");
    public static readonly Phrase Scheduled = new("예약", "scheduled");
    public static readonly Phrase HasChangesNotYetPublished = new("출고되지 않은 수정이 있습니다", "has changes not yet published");
    public static readonly Phrase WebPreview = new("웹 미리보기", "Web preview");
    public static readonly Phrase BroadcastScript = new("방송 원고", "Broadcast script");
    public static readonly Phrase OnTheSite = new("사이트에서 보기", "On the site");
    public static readonly Phrase AlsoOpenBy = new("지금 이 기사를 함께 열어 둔 사람", "Also open by");
    public static readonly Phrase EditConflict = new(
        "저장 충돌: 다른 사람이 먼저 저장했습니다",
        "Edit conflict: someone else saved first");
    public static readonly Phrase ConflictExplained = new(
        "{0} 님이 v{1}을 저장했습니다. 내가 쓴 글은 아래 편집란에 그대로 있습니다. 두 글을 비교해 합친 뒤 다시 저장하세요.",
        "{0} saved v{1}. What you typed is still in the form below. Compare the two, merge, and save again.");
    public static readonly Phrase SavedVersion = new("저장된 글", "Saved version");
    public static readonly Phrase YourVersion = new("내 글", "Your version");
    public static readonly Phrase Differences = new("차이", "Differences");
    public static readonly Phrase SubheadlinesOneALine = new("부제 (한 줄에 하나)", "Subheadlines (one a line)");
    public static readonly Phrase Language = new("언어", "Language");
    public static readonly Phrase Section = new("섹션", "Section");
    public static readonly Phrase BylinesCommaSeparated = new("기자 (쉼표로 구분)", "Bylines (comma-separated)");
    public static readonly Phrase TagsCommaSeparated = new("태그 (쉼표로 구분)", "Tags (comma-separated)");
    public static readonly Phrase Script = new("원고", "Script");
    public static readonly Phrase TotalReadTime = new("전체 읽는 시간", "Total read time");
    public static readonly Phrase ReadTime = new("읽는 시간", "read time");
    public static readonly Phrase Kind = new("종류", "Kind");
    public static readonly Phrase Speaker = new("화자", "Speaker");
    public static readonly Phrase Title = new("직함", "Title");
    public static readonly Phrase WhenSaid = new("발언 시점", "When said");
    public static readonly Phrase RecordingLengthLabel = new("녹화 길이 (분:초)", "Recording length (m:ss)");
    public static readonly Phrase RecordingLengthNotATime = new(
        "녹화 길이는 분:초(1:30)나 초(90)로, 3시간 안쪽으로 쓰세요.",
        "Write a recording's length as m:ss (1:30) or seconds (90), up to three hours.");
    public static readonly Phrase Text = new("본문", "Text");
    public static readonly Phrase Remove = new("삭제", "Remove");
    public static readonly Phrase SignOff = new("클로징", "Sign-off");
    public static readonly Phrase Save = new("저장", "Save");
    public static readonly Phrase PublishAt = new("예약 시각", "Publish at");
    public static readonly Phrase SiteTime = new("사이트 시간대", "site time");
    public static readonly Phrase CorrectionNotePublic = new("정정 안내문 (공개)", "Correction note (public)");
    public static readonly Phrase Autosaved = new("자동 저장됨", "Autosaved");
    public static readonly Phrase AutosaveConflict = new(
        "다른 사람이 먼저 저장했습니다. 저장을 누르면 두 글을 비교할 수 있습니다.",
        "Someone else saved first. Press Save to compare the two texts.");
    public static readonly Phrase AutosaveFailed = new("자동 저장 실패", "Autosave failed");

    // Pages/Stories/Preview.cshtml: the script's markers follow the story's language, not the newsroom's.
    public static readonly Phrase ScriptAnchor = new("[앵커]", "[ANCHOR]");
    public static readonly Phrase ScriptReporter = new("[기자]", "[REPORTER]");
    public static readonly Phrase ScriptArticle = new("[본문]", "[ARTICLE]");
    public static readonly Phrase Preview = new("미리보기", "Preview");
    public static readonly Phrase PreviewOfWorkingVersion = new(
        "미리보기 (작업본, 아직 사이트와 다를 수 있음)",
        "Preview of the working version (the site may differ until it is published)");
    public static readonly Phrase Web = new("웹", "Web");
    public static readonly Phrase Total = new("전체", "Total");
}
