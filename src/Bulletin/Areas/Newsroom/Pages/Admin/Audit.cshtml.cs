using System.Globalization;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>
/// Who did what, when: the newest first, a page at a time, filterable by person or by what was touched. The log is
/// never trimmed, so a search reads one month of it at a time (by the time index), and the page offers the month
/// before; a word found nowhere costs a month of entries, not the years the log holds.
/// </summary>
public sealed class AuditModel(BulletinDbContext db, SiteClock clock, TimeProvider time) : PageModel
{
    public const int PageSize = 200;

    /// <summary>How far back one search reads.</summary>
    public static readonly TimeSpan SearchWindow = TimeSpan.FromDays(31);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public SiteClock Clock => clock;

    /// <summary>Where the next page starts (the <c>before</c> of its link), or null when there is nothing older.</summary>
    public DateTimeOffset? Next { get; private set; }

    /// <summary>The end of the month a search read, or null when this is not a search.</summary>
    public DateTimeOffset? SearchedUpTo { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var end = DateTimeOffset.TryParse(Before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : time.GetUtcNow();
        var query = db.AuditLog.AsNoTracking().Where(a => a.At < end);
        DateTimeOffset? start = null;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            start = end - SearchWindow;
            var from = start.Value;
            query = query.Where(a => a.At >= from && (a.Actor.Contains(q) || a.Subject.Contains(q) || a.Action.Contains(q)));
            SearchedUpTo = end;
        }

        Entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize).ToListAsync(cancellationToken);
        // A full page goes on from its last entry; a search that found less than a page goes on to the month before,
        // as long as the log reaches back that far.
        Next = Entries.Count == PageSize ? Entries[^1].At
            : start is { } from2 && await db.AuditLog.AnyAsync(a => a.At < from2, cancellationToken) ? from2
            : null;
    }
}
