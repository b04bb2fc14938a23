namespace Bulletin.Api.Public;

/// <summary>The "PublicApi" configuration section: how much one client address may ask of the public read API.</summary>
public sealed class PublicApiOptions
{
    public const string SectionName = "PublicApi";

    /// <summary>Requests per client address per minute; generous, to stop scrapers rather than readers' apps.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
