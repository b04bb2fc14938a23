namespace Bulletin.Hosting;

/// <summary>The "Hosting" configuration section: what stands in front of Bulletin.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (e.g. 127.0.0.1 for
    /// a proxy on the same machine). Empty by default: without a proxy those headers are anyone's to send.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (10.0.0.0/8), for a fleet of them.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// What a 503 asks clients to wait (Retry-After) when the database is busy, full or restarting: long enough for
    /// a lock to pass, short enough that an editor's second try comes soon.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 10;
}
