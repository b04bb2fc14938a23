using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>The "Site" configuration section: what the public site is called, its clock and its tip box.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    public string NameKorean { get; set; } = "Bulletin 뉴스";
    public string NameEnglish { get; set; } = "Bulletin News";

    /// <summary>The public address, for canonical links and feeds (https://news.example.com). Empty: taken from each request.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>An IANA zone; times are shown in it on the site.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>Shown after the time on the English edition ("2024.10.16 09:08 KST").</summary>
    public string TimeZoneAbbreviation { get; set; } = "KST";

    /// <summary>Fill a new database with a small demo newsroom on the first start.</summary>
    public bool DemoContent { get; set; } = true;

    public int PageSize { get; set; } = 20;

    public TipBoxOptions TipBox { get; set; } = new();

    public string NameIn(Language language) => language == Language.Korean ? NameKorean : NameEnglish;
}
