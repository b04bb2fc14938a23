namespace Bulletin.Core.Curation;

/// <summary>The breaking-news banner across the top of the public site, in one edition, until taken down.</summary>
public sealed class BreakingNews
{
    private BreakingNews()
    {
        Text = "";
    }

    public BreakingNews(Guid id, Stories.Language language, string text, string? link, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!IsSafeLink(link))
        {
            throw new ArgumentException("A banner links to a page of the site (/...) or to an http or https address.", nameof(link));
        }

        Id = id;
        Language = language;
        Text = text.Trim();
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        CreatedAt = createdAt.ToUniversalTime();
        ExpiresAt = expiresAt?.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Stories.Language Language { get; private set; }
    public string Text { get; private set; }
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>
    /// The link as readers may follow it: only a path on the site or an http(s) address. A banner kept from before
    /// links were checked shows as text rather than as a <c>javascript:</c> or <c>data:</c> link.
    /// </summary>
    public string? PublicLink => IsSafeLink(Link) ? Link : null;

    /// <summary>
    /// Whether a banner may link here: nothing, a path on this site (not <c>//host</c>, which leaves it), or an absolute
    /// http or https address. Every other scheme (javascript:, data:, vbscript:, file:) could run or fetch something
    /// in a reader's browser.
    /// </summary>
    public static bool IsSafeLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return true;
        }

        var trimmed = link.Trim();
        if (trimmed.Any(char.IsControl) || trimmed.Contains('\\'))
        {
            return false;
        }

        if (trimmed.StartsWith('/'))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
    }

    public bool IsCurrent(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    public void TakeDown(DateTimeOffset now) => ExpiresAt = now.ToUniversalTime();
}
