using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>The public site's own words, in each edition's language.</summary>
public sealed record UiText
{
    public static readonly UiText Korean = new()
    {
        HtmlLang = "ko",
        TopStory = "주요 뉴스",
        Latest = "최신 뉴스",
        EditorsPicks = "에디터 추천 뉴스",
        Sections = "섹션",
        Home = "홈",
        Anchor = "앵커",
        Reporter = "기자",
        Host = "진행",
        Guests = "출연",
        Published = "입력",
        Updated = "수정",
        BylineSuffix = " 기자",
        Disclaimer = "※ 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 보다 정확한 내용은 방송으로 확인하시기 바랍니다.",
        TipBoxTitle = "※ '당신의 제보가 뉴스가 됩니다'",
        TipKakao = "카카오톡",
        TipKakaoHint = "채널 검색 후 추가",
        TipPhone = "전화",
        TipEmail = "메일",
        Tags = "태그",
        NewerPage = "이전 페이지",
        OlderPage = "다음 페이지",
        NoStories = "아직 기사가 없습니다.",
        NotFoundTitle = "페이지를 찾을 수 없습니다",
        NotFoundText = "주소가 바뀌었거나 기사가 내려갔습니다.",
        OtherEdition = "English",
        PageOf = "페이지",
        SkipToContent = "본문 바로가기",
        ReadTime = "읽는 시간",
    };

    public static readonly UiText English = new()
    {
        HtmlLang = "en",
        TopStory = "Top story",
        Latest = "The Latest News",
        EditorsPicks = "Editor's Picks",
        Sections = "Sections",
        Home = "Home",
        Anchor = "Anchor",
        Reporter = "Reporter",
        Host = "Host",
        Guests = "Guests",
        Published = "Published",
        Updated = "Updated",
        BylineSuffix = "",
        Disclaimer = "* The text below may differ from the actual broadcast; please check the broadcast for the exact content.",
        TipBoxTitle = "※ 'Your report becomes news'",
        TipKakao = "KakaoTalk",
        TipKakaoHint = "search for the channel and add it",
        TipPhone = "Phone",
        TipEmail = "Mail",
        Tags = "Tags",
        NewerPage = "Newer",
        OlderPage = "Older",
        NoStories = "No stories yet.",
        NotFoundTitle = "Page not found",
        NotFoundText = "The address has changed or the story has been taken down.",
        OtherEdition = "한국어",
        PageOf = "Page",
        SkipToContent = "Skip to content",
        ReadTime = "Read time",
    };

    public required string HtmlLang { get; init; }
    public required string TopStory { get; init; }
    public required string Latest { get; init; }
    public required string EditorsPicks { get; init; }
    public required string Sections { get; init; }
    public required string Home { get; init; }
    public required string Anchor { get; init; }
    public required string Reporter { get; init; }
    public required string Host { get; init; }
    public required string Guests { get; init; }
    public required string Published { get; init; }
    public required string Updated { get; init; }
    public required string BylineSuffix { get; init; }
    public required string Disclaimer { get; init; }
    public required string TipBoxTitle { get; init; }
    public required string TipKakao { get; init; }
    public required string TipKakaoHint { get; init; }
    public required string TipPhone { get; init; }
    public required string TipEmail { get; init; }
    public required string Tags { get; init; }
    public required string NewerPage { get; init; }
    public required string OlderPage { get; init; }
    public required string NoStories { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string OtherEdition { get; init; }
    public required string PageOf { get; init; }
    public required string SkipToContent { get; init; }
    public required string ReadTime { get; init; }

    public static UiText For(Language language) => language == Language.Korean ? Korean : English;
}
