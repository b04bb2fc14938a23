using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Microsoft.Extensions.Options;

namespace Bulletin.Site;

/// <summary>
/// What the shared layout needs from the page being rendered: its edition, title, canonical address and the
/// site's sections. Filled in by each public page's handler, once per request.
/// </summary>
public sealed class PageChrome(IOptions<SiteOptions> options)
{
    public SiteOptions Site { get; } = options.Value;
    public Language Edition { get; set; } = Language.Korean;
    public string SiteName => Site.NameIn(Edition);
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Canonical { get; set; }
    public IReadOnlyList<Section> Sections { get; set; } = [];

    /// <summary>The section whose feeds the page announces beside the edition's.</summary>
    public Section? FeedSection { get; set; }

    /// <summary>The same page in the other edition, when there is one (the edition's home otherwise).</summary>
    public string? OtherEditionPath { get; set; }

    public string FullTitle => string.IsNullOrEmpty(Title) ? SiteName : $"{Title} | {SiteName}";

    /// <summary>An absolute URL for a site path: Site:BaseUrl when set, else the address the request came to.</summary>
    public static string Absolute(HttpRequest request, SiteOptions site, string path)
    {
        var root = string.IsNullOrWhiteSpace(site.BaseUrl)
            ? $"{request.Scheme}://{request.Host}"
            : site.BaseUrl.TrimEnd('/');
        return root + path;
    }
}
