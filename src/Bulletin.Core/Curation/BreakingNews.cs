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

    public bool IsCurrent(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    public void TakeDown(DateTimeOffset now) => ExpiresAt = now.ToUniversalTime();
}
