using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>The story desk's words: the desk's lists, editor's picks and the breaking-news banner.</summary>
public static class DeskText
{
    // Pages/Index.cshtml.cs
    public static readonly Phrase MyDrafts = new("내 초고", "My drafts");
    public static readonly Phrase WaitingForEdit = new("데스크 대기", "Waiting for edit");
    public static readonly Phrase Approved = new("승인됨", "Approved");
    public static readonly Phrase Scheduled = new("예약됨", "Scheduled");
    public static readonly Phrase PublishedToday = new("오늘 출고", "Published today");
    public static readonly Phrase SearchResults = new("검색 결과", "Search results");

    // Pages/Index.cshtml
    public static readonly Phrase Desk = new("데스크", "Desk");
    public static readonly Phrase Search = new("검색", "Search");
    public static readonly Phrase Section = new("섹션", "Section");
    public static readonly Phrase All = new("전체", "All");
    public static readonly Phrase Language = new("언어", "Language");
    public static readonly Phrase Filter = new("찾기", "Filter");
    public static readonly Phrase None = new("없음", "None");
    public static readonly Phrase Headline = new("제목", "Headline");
    public static readonly Phrase Status = new("상태", "Status");
    public static readonly Phrase Lang = new("언어", "Lang");
    public static readonly Phrase Updated = new("수정", "Updated");
    public static readonly Phrase OnTheSite = new("사이트에서 보기", "On the site");

    // Pages/Desk/Picks.cshtml
    public static readonly Phrase EditorsPicks = new("에디터 추천", "Editor's picks");
    public static readonly Phrase Story = new("기사", "Story");
    public static readonly Phrase Expires = new("만료", "Expires");
    public static readonly Phrase Remove = new("빼기", "Remove");
    public static readonly Phrase Add = new("추가", "Add");
    public static readonly Phrase Position = new("순서", "Position");
    public static readonly Phrase ExpiresOptional = new("만료 (선택)", "Expires (optional)");

    // Pages/Desk/Banner.cshtml
    public static readonly Phrase BreakingNewsBanner = new("속보 배너", "Breaking-news banner");
    public static readonly Phrase TakeDown = new("내리기", "Take down");
    public static readonly Phrase Edition = new("판", "Edition");
    public static readonly Phrase Text = new("문구", "Text");
    public static readonly Phrase LinkOptional = new("링크 (선택)", "Link (optional)");
    public static readonly Phrase MinutesUp = new("게시 시간(분, 비우면 내릴 때까지)", "Minutes up (empty: until taken down)");
    public static readonly Phrase PutUp = new("게시", "Put up");
    public static readonly Phrase UnsafeBannerLink = new(
        "링크는 사이트 안의 주소(/...)나 http, https 주소만 쓸 수 있습니다.",
        "A banner links to a page of the site (/...) or to an http or https address.");
}
