using Bulletin.Tips.Channels.Email;
using Bulletin.Tips.Channels.Kakao;

namespace Bulletin.Tips;

/// <summary>The tip desk's settings (section "Tips"). Every default runs with no configuration at all.</summary>
public sealed class TipsOptions
{
    public const string SectionName = "Tips";

    /// <summary>Base64 of 32 bytes. When empty, the key lives in keys/tips.key in the data directory, made on first use.</summary>
    public string? Key { get; set; }

    /// <summary>Days a declined or spam tip is kept before it is deleted, files and all.</summary>
    public int RetentionDays { get; set; } = 90;

    public int MaxFiles { get; set; } = 10;
    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxTextLength { get; set; } = 20_000;

    /// <summary>Pictures with more pixels than this are refused rather than decoded (pixel floods).</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>PBKDF2-SHA256 rounds for receipt hashes; OWASP's 2023 figure for SHA-256.</summary>
    public int ReceiptIterations { get; set; } = 600_000;

    /// <summary>Tips one client may send per window; receipt look-ups get four times as many.</summary>
    public int SubmissionsPerWindow { get; set; } = 5;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(10);

    public KakaoTipsOptions Kakao { get; set; } = new();
    public MailServerOptions Mailbox { get; set; } = new() { Port = 993 };
    public MailServerOptions Smtp { get; set; } = new() { Port = 587 };
}
