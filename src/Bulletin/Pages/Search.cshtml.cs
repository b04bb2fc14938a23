using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>The reader's search: a plain GET form, so it works without JavaScript and results can be linked.</summary>
public sealed class SearchModel(PublicSearch search, PublicPages pages, PageChrome chrome, SiteClock clock) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "section")] public string? SectionSlug { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PublicSearch.Results? Results { get; private set; }
    public SiteClock Clock => clock;
    public PageChrome Chrome => chrome;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = SiteText.Search[edition];
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = await search.SearchAsync(Query, edition, SectionSlug, null, null, PageNumber, cancellationToken);
        }
    }

    public string PagePath(int number) =>
        $"{StoryPaths.EditionPrefix(chrome.Edition)}/search?q={Uri.EscapeDataString(Query ?? "")}"
        + (string.IsNullOrEmpty(SectionSlug) ? "" : $"&section={Uri.EscapeDataString(SectionSlug)}")
        + (number > 1 ? $"&page={number}" : "");
}
