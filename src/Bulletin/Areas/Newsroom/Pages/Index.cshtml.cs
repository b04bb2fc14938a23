using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Search;
using Bulletin.Site;
using Bulletin.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages;

/// <summary>The desk: what needs doing, in the order the day runs.</summary>
public sealed class IndexModel(BulletinDbContext db, SiteClock clock, SearchIndexService search) : PageModel
{
    private const int ListSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }

    public SiteClock Clock => clock;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<(string Key, Phrase Title, IReadOnlyList<Story> Stories)> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = StaffActor.From(User);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var startOfToday = clock.StartOfToday();

        var query = db.Stories.AsNoTracking();
        List<Guid> found = [];
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // The words are looked up in the search index, which holds every story in every state as staff see it;
            // matching headlines in the database would read the whole archive for a word that is rare. The lists
            // below are then the best matches in each state.
            found = [.. search.Index.Search(new SearchQuery { Text = Q.Trim(), Audience = SearchAudience.Staff, PageSize = SearchQuery.MaxPageSize })
                .Hits.Select(h => h.Id)];
            query = query.Where(s => found.Contains(s.Id));
        }

        if (Section is { } sectionId)
        {
            query = query.Where(s => s.SectionId == sectionId);
        }

        if (LanguageCodes.TryParse(Lang, out var language))
        {
            query = query.Where(s => s.Language == language);
        }

        Lists =
        [
            ("mine", DeskText.MyDrafts, await query.Where(s => s.Status == StoryStatus.Draft && s.CreatedBy == me.Id)
                .OrderByDescending(s => s.UpdatedAt).Take(ListSize).ToListAsync(cancellationToken)),
            ("submitted", DeskText.WaitingForEdit, await query.Where(s => s.Status == StoryStatus.Submitted)
                .OrderBy(s => s.UpdatedAt).Take(ListSize).ToListAsync(cancellationToken)),
            ("approved", DeskText.Approved, await query.Where(s => s.Status == StoryStatus.Approved)
                .OrderByDescending(s => s.UpdatedAt).Take(ListSize).ToListAsync(cancellationToken)),
            ("scheduled", DeskText.Scheduled, await query.Where(s => s.Status == StoryStatus.Scheduled)
                .OrderBy(s => s.ScheduledAt).Take(ListSize).ToListAsync(cancellationToken)),
            ("published", DeskText.PublishedToday, await query.Where(s => s.Status == StoryStatus.Published && s.PublishedAt >= startOfToday)
                .OrderByDescending(s => s.PublishedAt).Take(ListSize).ToListAsync(cancellationToken)),
        ];
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Best match first, as the index ranks them.
            var rank = found.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            var all = (await query.Where(s => s.Status != StoryStatus.Killed).ToListAsync(cancellationToken))
                .OrderBy(s => rank[s.Id]).Take(ListSize).ToList();
            Lists = [("found", DeskText.SearchResults, all), .. Lists];
        }
    }
}
