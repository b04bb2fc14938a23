using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>Who did what, when: the newest first, filterable by person or by what was touched.</summary>
public sealed class AuditModel(BulletinDbContext db, SiteClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public SiteClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(a => a.Actor.Contains(q) || a.Subject.Contains(q) || a.Action.Contains(q));
        }

        Entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken);
    }
}
