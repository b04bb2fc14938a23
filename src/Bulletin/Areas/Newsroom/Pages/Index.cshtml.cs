using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Site;
using Bulletin.Core.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages;

/// <summary>The desk: what needs doing, in the order the day runs.</summary>
public sealed class IndexModel(BulletinDbContext db, SiteClock clock) : PageModel
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
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(s => s.Headline.Contains(q) || s.Slug.Contains(q));
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
            var all = await query.Where(s => s.Status != StoryStatus.Killed).OrderByDescending(s => s.UpdatedAt).Take(ListSize).ToListAsync(cancellationToken);
            Lists = [("found", DeskText.SearchResults, all), .. Lists];
        }
    }
}
