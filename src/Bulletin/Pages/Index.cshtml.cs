using Bulletin.Caching;
using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

[CachedPage]
public sealed class IndexModel(PublicPages pages, PageChrome chrome, SiteClock clock) : PageModel
{
    public Story? TopStory { get; private set; }
    public IReadOnlyList<Story> Latest { get; private set; } = [];
    public IReadOnlyList<Story> Picks { get; private set; } = [];
    public SiteClock Clock => clock;
    public UiText Text => chrome.Text;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Canonical = PageChrome.Absolute(Request, chrome.Site, StoryPaths.Home(edition));

        var latest = await pages.LatestAsync(edition, chrome.Site.PageSize + 1, cancellationToken);
        Picks = await pages.PicksAsync(edition, cancellationToken);

        // The top story is the editors' first pick; without picks, the newest story.
        TopStory = Picks.Count > 0 ? Picks[0] : latest.FirstOrDefault();
        Latest = [.. latest.Where(s => s.Id != TopStory?.Id).Take(chrome.Site.PageSize)];
    }
}
