namespace Bulletin.Tips.Channels.Kakao;

public sealed class KakaoTipsOptions
{
    /// <summary>The value Kakao i Open Builder sends in X-Skill-Secret. Without it the skill endpoint refuses every call.</summary>
    public string? Secret { get; set; }

    /// <summary>Hosts images may be fetched from; a name also allows its subdomains.</summary>
    public List<string> ImageHosts { get; set; } = ["kakaocdn.net"];

    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Kakao waits 5 s for an answer: image fetches together get less than that.</summary>
    public TimeSpan FetchBudget { get; set; } = TimeSpan.FromSeconds(3);
}
