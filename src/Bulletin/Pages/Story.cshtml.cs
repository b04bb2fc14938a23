using Bulletin.Caching;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bulletin.Pages;

[CachedPage]
public sealed class StoryModel(PublicPages pages, PageChrome chrome, SiteClock clock, IOptions<ReadTimeOptions> readTime) : PageModel
{
    public PublishedStory Story { get; private set; } = null!;
    public Section? Section { get; private set; }
    public IReadOnlyList<StoryTeaser> Latest { get; private set; } = [];
    public IReadOnlyList<StoryTeaser> Picks { get; private set; } = [];
    public string JsonLd { get; private set; } = "";
    public string CanonicalUrl { get; private set; } = "";
    public SiteClock Clock => clock;
    public Language Edition => chrome.Edition;
    public TipBoxOptions TipBox => chrome.Site.TipBox;
    public string SiteName => chrome.SiteName;
    // Counted once: the page shows it twice (minutes and seconds).
    public TimeSpan ReadTime => _readTime ??= Core.Timing.ReadTime.Of(Story.Content, readTime.Value);
    private TimeSpan? _readTime;

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
        // Everything but the story itself comes from memory: a story page costs one indexed lookup.
        var shared = await pages.SnapshotAsync(cancellationToken);
        Section = shared.Section(story.SectionId);
        Latest = [.. shared.Edition(edition).Latest.Where(s => s.Id != story.Id).Take(SiteSnapshots.AsideCount)];
        Picks = [.. shared.Edition(edition).Picks.Where(s => s.Id != story.Id)];

        chrome.Sections = shared.Sections;
        chrome.Title = story.Headline;
        chrome.Description = NewsArticleJsonLd.Describe(story);
        CanonicalUrl = PageChrome.Absolute(Request, chrome.Site, StoryPaths.Story(story));
        chrome.Canonical = CanonicalUrl;
        JsonLd = NewsArticleJsonLd.Build(story, Section, CanonicalUrl, chrome.SiteName,
            PageChrome.Absolute(Request, chrome.Site, StoryPaths.Home(edition)), clock);
        return Page();
    }
}
