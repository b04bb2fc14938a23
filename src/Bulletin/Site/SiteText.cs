using Bulletin.Core.Stories;
using Bulletin.Core.Text;

namespace Bulletin.Site;

/// <summary>The public site's own words, shown in the language of the edition being read.</summary>
public static class SiteText
{
    /// <summary>
    /// Each language's name in itself, for links and choices between editions: not a translation, so it is looked
    /// up by the language named, never by the language of the page.
    /// </summary>
    public static readonly Phrase LanguageName = new("한국어", "English");

    // The layout
    public static readonly Phrase SkipToContent = new("본문 바로가기", "Skip to content");
    public static readonly Phrase Search = new("검색", "Search");
    public static readonly Phrase Sections = new("섹션", "Sections");
    public static readonly Phrase Home = new("홈", "Home");
    public static readonly Phrase Breaking = new("속보", "Breaking");

    // Lists of stories
    public static readonly Phrase TopStory = new("주요 뉴스", "Top story");
    public static readonly Phrase Latest = new("최신 뉴스", "The Latest News");
    public static readonly Phrase EditorsPicks = new("에디터 추천 뉴스", "Editor's Picks");
    public static readonly Phrase NoStories = new("아직 기사가 없습니다.", "No stories yet.");
    public static readonly Phrase NewerPage = new("이전 페이지", "Newer");
    public static readonly Phrase OlderPage = new("다음 페이지", "Older");
    public static readonly Phrase PageOf = new("페이지", "Page");

    // A story
    public static readonly Phrase Anchor = new("앵커", "Anchor");
    public static readonly Phrase Reporter = new("기자", "Reporter");
    public static readonly Phrase Host = new("진행", "Host");
    public static readonly Phrase Guests = new("출연", "Guests");
    public static readonly Phrase Published = new("입력", "Published");
    public static readonly Phrase Updated = new("수정", "Updated");
    public static readonly Phrase Byline = new("{0} 기자", "{0}");
    public static readonly Phrase ReadTime = new("읽는 시간", "Read time");
    public static readonly Phrase Correction = new("바로잡습니다", "Correction");
    public static readonly Phrase Tags = new("태그", "Tags");
    public static readonly Phrase Disclaimer = new(
        "※ 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 보다 정확한 내용은 방송으로 확인하시기 바랍니다.",
        "* The text below may differ from the actual broadcast; please check the broadcast for the exact content.");
    public static readonly Phrase TipBoxTitle = new("※ '당신의 제보가 뉴스가 됩니다'", "※ 'Your report becomes news'");
    public static readonly Phrase TipKakao = new("카카오톡", "KakaoTalk");
    public static readonly Phrase TipKakaoHint = new("채널 검색 후 추가", "search for the channel and add it");
    public static readonly Phrase TipPhone = new("전화", "Phone");
    public static readonly Phrase TipEmail = new("메일", "Mail");

    // Search
    public static readonly Phrase SearchFor = new("검색어", "Search for");
    public static readonly Phrase Section = new("섹션", "Section");
    public static readonly Phrase All = new("전체", "All");
    public static readonly Phrase ResultCount = new("검색 결과 {0:N0}건", "{0:N0} results");

    // Pages that say something went wrong
    public static readonly Phrase NotFoundTitle = new("페이지를 찾을 수 없습니다", "Page not found");
    public static readonly Phrase NotFoundText = new("주소가 바뀌었거나 기사가 내려갔습니다.", "The address has changed or the story has been taken down.");
    public static readonly Phrase GoneTitle = new("삭제된 기사입니다", "This story has been removed");
    public static readonly Phrase GoneText = new("이 기사는 더 이상 제공되지 않습니다.", "It is no longer available.");
    public static readonly Phrase TooManyTitle = new("요청이 너무 많습니다", "Too many requests");
    public static readonly Phrase TooManyText = new("잠시 뒤에 다시 시도해 주세요.", "Please try again in a minute.");
    public static readonly Phrase CannotHandle = new("요청을 처리할 수 없습니다", "The request could not be handled");
    public static readonly Phrase ErrorTitle = new("일시적인 오류", "Something went wrong");
    public static readonly Phrase ErrorHeading = new("일시적인 오류가 생겼습니다", "Something went wrong");
    public static readonly Phrase ErrorText = new("잠시 뒤 다시 시도해 주십시오.", "Please try again in a moment.");

    /// <summary>The other edition's language, for the link that switches between them.</summary>
    public static Language Other(Language edition) => edition == Language.Korean ? Language.English : Language.Korean;
}
