using Bulletin.Caching;
using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

[CachedPage]
public sealed class IndexModel(PublicPages pages, PageChrome chrome, SiteClock clock) : PageModel
{
    public PublishedStory? TopStory { get; private set; }
    public IReadOnlyList<StoryTeaser> Latest { get; private set; } = [];
    public IReadOnlyList<StoryTeaser> Picks { get; private set; } = [];
    public SiteClock Clock => clock;
    public Language Edition => chrome.Edition;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        var shared = await pages.SnapshotAsync(cancellationToken);
        chrome.Sections = shared.Sections;
        chrome.Canonical = PageChrome.Absolute(Request, chrome.Site, StoryPaths.Home(edition));

        // The whole home page comes from memory, built once per change.
        var front = shared.Edition(edition);
        Picks = front.Picks;
        TopStory = front.TopStory;
        Latest = [.. front.Latest.Where(s => s.Id != TopStory?.Id).Take(chrome.Site.PageSize)];
    }
}
