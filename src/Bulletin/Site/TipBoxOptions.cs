namespace Bulletin.Site;

/// <summary>The channels shown in the tip box under every story: set once for the whole site.</summary>
public sealed class TipBoxOptions
{
    /// <summary>The KakaoTalk channel's name, to search for and add.</summary>
    public string? KakaoTalk { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
}
