using Bulletin.Areas.Newsroom;
using Bulletin.Core.Curation;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Outbox;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Desk;

/// <summary>Editors put up and take down the breaking-news banner of each edition.</summary>
public sealed class BannerModel(BulletinDbContext db, TimeProvider time, OutboxSignal outbox, NewsroomUi ui) : PageModel
{
    public IReadOnlyList<BreakingNews> Current { get; private set; } = [];

    /// <summary>Why the banner was not put up, shown above the form with what was typed kept in it.</summary>
    public string? Refusal { get; private set; }

    public string? TypedText { get; private set; }
    public string? TypedLink { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Current = await db.BreakingNews.AsNoTracking().Where(b => b.ExpiresAt == null || b.ExpiresAt > now)
            .OrderByDescending(b => b.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string language, string text, string? link, int? minutes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || !LanguageCodes.TryParse(language, out var edition))
        {
            return Redirect("/newsroom/desk/banner");
        }

        if (!BreakingNews.IsSafeLink(link))
        {
            Refusal = ui.T(DeskText.UnsafeBannerLink);
            TypedText = text;
            TypedLink = link;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var now = time.GetUtcNow();
        db.BreakingNews.Add(new BreakingNews(Guid.CreateVersion7(now), edition, text, link, now, minutes is > 0 ? now.AddMinutes(minutes.Value) : null));
        return await SaveAsync("banner.up", text, cancellationToken);
    }

    public async Task<IActionResult> OnPostTakeDownAsync(Guid id, CancellationToken cancellationToken)
    {
        var banner = await db.BreakingNews.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        banner?.TakeDown(time.GetUtcNow());
        return await SaveAsync("banner.down", banner?.Text ?? "", cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string action, string detail, CancellationToken cancellationToken)
    {
        var me = StaffActor.From(User);
        var now = time.GetUtcNow();
        db.AuditLog.Add(new AuditEntry(me.Id, me.Name, action, "banner", detail, now));
        db.Outbox.Add(new OutboxMessage(Guid.Empty, OutboxKinds.CurationChanged, now));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Committed(Guid.Empty, OutboxKinds.CurationChanged);
        return Redirect("/newsroom/desk/banner");
    }
}
