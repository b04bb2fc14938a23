using Bulletin.Caching;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

[CachedPage("page")]
public sealed class SectionModel(PublicPages pages, PageChrome chrome, SiteClock clock) : PageModel
{
    public Section Section { get; private set; } = null!;
    public IReadOnlyList<StoryTeaser> Stories { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public Language Edition => chrome.Edition;
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        var section = await pages.SectionAsync(slug, cancellationToken);
        if (section is null || page < 1)
        {
            return NotFound();
        }

        Section = section;
        PageNumber = page ?? 1;
        var pageSize = chrome.Site.PageSize;
        var (stories, total) = await pages.SectionPageAsync(section.Id, edition, PageNumber, pageSize, cancellationToken);
        PageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (PageNumber > PageCount)
        {
            return NotFound();
        }

        Stories = stories;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = section.NameIn(edition);
        chrome.FeedSection = section;
        var path = StoryPaths.Section(edition, slug) + (PageNumber > 1 ? $"?page={PageNumber}" : "");
        chrome.Canonical = PageChrome.Absolute(Request, chrome.Site, path);
        chrome.OtherEditionPath = StoryPaths.Section(edition == Language.Korean ? Language.English : Language.Korean, slug);
        return Page();
    }

    public string PagePath(int number) =>
        StoryPaths.Section(Edition, Section.Slug) + (number > 1 ? $"?page={number}" : "");
}
