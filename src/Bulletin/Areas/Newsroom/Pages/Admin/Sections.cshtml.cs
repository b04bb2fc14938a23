using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Outbox;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>Admins create, rename and order the site's sections. Every change evicts the public pages' cache.</summary>
public sealed class SectionsModel(BulletinDbContext db, TimeProvider time, OutboxSignal outbox, NewsroomUi ui) : PageModel
{
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sections = await db.Sections.OrderBy(s => s.Position).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string slug, string nameKorean, string nameEnglish, CancellationToken cancellationToken)
    {
        slug = Slugs.FromHeadline(slug ?? "");
        if (string.IsNullOrWhiteSpace(nameKorean) || string.IsNullOrWhiteSpace(nameEnglish) || await db.Sections.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            Problem = ui.T(AdminText.NamesAndSlugNeeded);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var last = await db.Sections.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        db.Sections.Add(new Section(Guid.CreateVersion7(), slug, nameKorean.Trim(), nameEnglish.Trim(), last + 1));
        return await SaveAsync("section.add", slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string nameKorean, string nameEnglish, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }

        section.Rename(nameKorean.Trim(), nameEnglish.Trim());
        return await SaveAsync("section.rename", section.Slug, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, int by, CancellationToken cancellationToken)
    {
        var ordered = await db.Sections.OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(s => s.Id == id);
        var target = index + by;
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return Redirect("/newsroom/admin/sections");
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].MoveTo(i + 1);
        }

        return await SaveAsync("section.move", ordered[target].Slug, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string action, string slug, CancellationToken cancellationToken)
    {
        var me = StaffActor.From(User);
        var now = time.GetUtcNow();
        db.AuditLog.Add(new AuditEntry(me.Id, me.Name, action, $"section:{slug}", null, now));
        db.Outbox.Add(new OutboxMessage(Guid.Empty, OutboxKinds.CurationChanged, now));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Committed(Guid.Empty, OutboxKinds.CurationChanged);
        return Redirect("/newsroom/admin/sections");
    }
}
