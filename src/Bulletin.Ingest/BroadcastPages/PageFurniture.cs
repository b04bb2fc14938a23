using System.Collections.Frozen;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// Whole lines that belong to the site around a story rather than to the story. Every test here looks at a
/// complete line: a furniture word inside a sentence is story text and stays.
/// </summary>
internal static class PageFurniture
{
    public const string KoreanDisclaimer =
        "※ 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 보다 정확한 내용은 방송으로 확인하시기 바랍니다.";

    public const string EnglishDisclaimer =
        "* The text below may differ from the actual broadcast, so please check the broadcast for more accurate information.";

    // Headings of the lists the site puts under a story: what follows them are other stories' headlines.
    private static readonly FrozenSet<string> SiteListHeadings = new[]
    {
        "Editor's Recomended News", "Editor's Recommended News", "Editors' Picks", "Editor's Pick", "Editor's Picks",
        "The Lastest News", "The Latest News", "Latest News", "Most Viewed", "Most Read", "Popular News",
        "Entertainment", "Game", "Games",
        "에디터 추천 뉴스", "에디터추천뉴스", "에디터스 픽", "최신 뉴스", "최신뉴스", "지금 이 뉴스", "지금이뉴스",
        "많이 본 뉴스", "많이 본 기사", "인기 뉴스", "주요 뉴스", "이 시각 주요뉴스", "연예", "게임",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Controls = new[]
    {
        "AD", "Advertisement", "Font size settings", "Font size", "Print", "Share", "Comments", "Comment",
        "Subscribe", "Copy link", "List",
        "광고", "댓글", "글자크기설정", "글자크기 설정", "글자 크기 설정", "인쇄하기", "인쇄", "공유하기", "공유",
        "구독", "링크 복사", "목록",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> TipBoxChannels = new[]
    {
        "카카오톡", "전화", "메일", "이메일", "Kakao Talk", "KakaoTalk", "Phone", "Mail", "Email", "E-mail",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Furniture lines are short; checking the length first spares hashing every long paragraph.
    private const int MaxFurnitureLength = 30;

    public static bool IsSiteListHeading(string line) => line.Length <= MaxFurnitureLength && SiteListHeadings.Contains(line);

    public static bool IsControl(string line) => line.Length <= MaxFurnitureLength && Controls.Contains(line);

    /// <summary>The first line of the reader-tip box: ※ '당신의 제보가 뉴스가 됩니다' / ※ 'Your report becomes news'.</summary>
    public static bool IsTipBoxStart(string line) =>
        line.StartsWith('※')
        && (line.Contains("제보", StringComparison.Ordinal)
            || line.Contains("report becomes news", StringComparison.OrdinalIgnoreCase)
            || line.Contains("report is news", StringComparison.OrdinalIgnoreCase));

    /// <summary>A contact line of the tip box: "[카카오톡] YTN 검색해 채널 추가", "[Phone] 02-398-8585".</summary>
    public static bool IsTipBoxChannel(string line)
    {
        if (!line.StartsWith('['))
        {
            return false;
        }

        var close = line.IndexOf(']', StringComparison.Ordinal);
        return close > 1 && close < line.Length - 1 && TipBoxChannels.Contains(line[1..close].Trim());
    }

    /// <summary>[저작권자(c) YTN ... 무단전재, 재배포 및 AI 데이터 활용 금지], "Copyright (c) YTN. All rights reserved." and the like.</summary>
    public static bool IsCopyright(string line)
    {
        var s = line.AsSpan().TrimStart("[<(").TrimStart();
        if (s.StartsWith("저작권자", StringComparison.Ordinal) || s.StartsWith('ⓒ') || s.StartsWith('©'))
        {
            return true;
        }

        if (!s.StartsWith("copyright", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return s.Contains("(c)", StringComparison.OrdinalIgnoreCase) || s.Contains('ⓒ') || s.Contains('©')
            || s.Contains("rights reserved", StringComparison.OrdinalIgnoreCase)
            || s.Contains("reproduction", StringComparison.OrdinalIgnoreCase)
            || s.Contains("redistribution", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The transcript note of talk shows: the text may differ from what went on air.</summary>
    public static bool IsDisclaimer(string line) =>
        (line.StartsWith('※') || line.StartsWith('*'))
        && ((line.Contains("실제 방송", StringComparison.Ordinal) && line.Contains("차이", StringComparison.Ordinal))
            || (line.Contains("differ", StringComparison.OrdinalIgnoreCase)
                && line.Contains("broadcast", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A line made only of hashtags, "#폭설#출근길" or "#snow #commute"; adds them in order, once each.</summary>
    public static bool TryReadHashtags(string line, List<string> tags)
    {
        if (!line.StartsWith('#'))
        {
            return false;
        }

        // Every word must start with '#', otherwise "#1 priority is..." would be read as a tag line.
        foreach (var range in line.AsSpan().Split(' '))
        {
            var word = line.AsSpan(range).Trim();
            if (!word.IsEmpty && (word[0] != '#' || word.Length == 1))
            {
                return false;
            }
        }

        foreach (var range in line.AsSpan().SplitAny("# \t"))
        {
            var tag = line.AsSpan(range).Trim();
            if (tag.IsEmpty)
            {
                continue;
            }

            var value = tag.ToString();
            if (!tags.Contains(value))
            {
                tags.Add(value);
            }
        }

        return true;
    }
}
