using Bulletin.Caching;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

[CachedPage]
public sealed class StoryModel(PublicPages pages, PageChrome chrome, SiteClock clock) : PageModel
{
    public Story Story { get; private set; } = null!;
    public Section? Section { get; private set; }
    public IReadOnlyList<Story> Latest { get; private set; } = [];
    public IReadOnlyList<Story> Picks { get; private set; } = [];
    public string JsonLd { get; private set; } = "";
    public string CanonicalUrl { get; private set; } = "";
    public SiteClock Clock => clock;
    public UiText Text => chrome.Text;
    public TipBoxOptions TipBox => chrome.Site.TipBox;
    public string SiteName => chrome.SiteName;
    public TimeSpan ReadTime => Core.Timing.ReadTime.Of(Story.Content, new ReadTimeOptions());

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        var story = await pages.StoryAsync(edition, slug, cancellationToken);
        if (story is null)
        {
            // A killed story is gone for good: say so, so that search engines drop it rather than retry.
            return await pages.IsKilledAsync(edition, slug, cancellationToken) ? StatusCode(StatusCodes.Status410Gone) : NotFound();
        }

        Story = story;
        HttpContext.Features.Get<PageCacheFeature>()?.Tags.Add(OutboxProcessor.StoryTag(story.Id));
        Section = await pages.SectionAsync(story.SectionId, cancellationToken);
        Latest = [.. (await pages.LatestAsync(edition, 11, cancellationToken)).Where(s => s.Id != story.Id).Take(10)];
        Picks = [.. (await pages.PicksAsync(edition, cancellationToken)).Where(s => s.Id != story.Id)];

        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = story.Headline;
        chrome.Description = NewsArticleJsonLd.Describe(story);
        CanonicalUrl = PageChrome.Absolute(Request, chrome.Site, StoryPaths.Story(story));
        chrome.Canonical = CanonicalUrl;
        JsonLd = NewsArticleJsonLd.Build(story, Section, CanonicalUrl, chrome.SiteName,
            PageChrome.Absolute(Request, chrome.Site, StoryPaths.Home(edition)), clock);
        return Page();
    }
}
