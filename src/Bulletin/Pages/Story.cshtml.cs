using Bulletin.Caching;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Media;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Bulletin.Pages;

[CachedPage]
public sealed class StoryModel(PublicPages pages, PageChrome chrome, SiteClock clock, IOptions<ReadTimeOptions> readTime, MediaLibrary media) : PageModel
{
    /// <summary>The story's photos by id: its lead and those placed between segments.</summary>
    public IReadOnlyDictionary<Guid, MediaPicture> Pictures { get; private set; } = new Dictionary<Guid, MediaPicture>();

    public MediaPicture? Lead => Story.LeadMediaId is { } id ? Pictures.GetValueOrDefault(id) : null;

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

        // The story's few photos by primary key; pages are cached, so this runs once per publish, not per reader.
        Pictures = await media.PicturesAsync(story.Content.MediaIds, cancellationToken);
        chrome.Sections = shared.Sections;
        chrome.Title = story.Headline;
        chrome.Description = NewsArticleJsonLd.Describe(story);
        CanonicalUrl = PageChrome.Absolute(Request, chrome.Site, StoryPaths.Story(story));
        chrome.Canonical = CanonicalUrl;
        JsonLd = NewsArticleJsonLd.Build(story, Section, CanonicalUrl, chrome.SiteName,
            PageChrome.Absolute(Request, chrome.Site, StoryPaths.Home(edition)), clock, Lead is { } lead ? [.. ImageObjects(lead)] : []);
        return Page();
    }

    public string Absolute(string path) => PageChrome.Absolute(Request, chrome.Site, path);

    /// <summary>The lead's three crops, as rich results ask for (16:9, 4:3 and 1:1, each at least 1200 px wide where the photo allows).</summary>
    private IEnumerable<NewsArticleImage> ImageObjects(MediaPicture lead) =>
        Media.Renditions.PhotoRenditions.Crops.Select(c => lead.Crop(c.Name)).OfType<Core.Media.MediaRendition>()
            .Select(c => new NewsArticleImage(Absolute(lead.PathOf(c)), c.Width, c.Height, lead.Caption, lead.Credit));
}
