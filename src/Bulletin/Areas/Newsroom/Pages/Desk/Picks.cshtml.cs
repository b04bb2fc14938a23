using Bulletin.Core.Curation;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Outbox;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Desk;

/// <summary>Editors choose the editor's picks: which published stories, in what order, until when.</summary>
public sealed class PicksModel(BulletinDbContext db, TimeProvider time, OutboxSignal outbox, SiteClock clock) : PageModel
{
    public sealed record Row(EditorsPick Pick, Story Story);

    public IReadOnlyList<Row> Picks { get; private set; } = [];
    public IReadOnlyList<Story> Candidates { get; private set; } = [];
    public SiteClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Picks = await db.EditorsPicks.AsNoTracking().OrderBy(p => p.Position)
            .Join(db.Stories.AsNoTracking(), p => p.StoryId, s => s.Id, (p, s) => new Row(p, s)).ToListAsync(cancellationToken);
        var picked = Picks.Select(p => p.Story.Id).ToList();
        Candidates = await db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published && !picked.Contains(s.Id))
            .OrderByDescending(s => s.PublishedAt).Take(50).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(Guid storyId, int position, string? expires, CancellationToken cancellationToken)
    {
        if (await db.EditorsPicks.AnyAsync(p => p.StoryId == storyId, cancellationToken))
        {
            return Redirect("/newsroom/desk/picks");
        }

        var expiresAt = clock.ParseLocal(expires);

        db.EditorsPicks.Add(new EditorsPick(Guid.CreateVersion7(), storyId, position, expiresAt));
        return await SaveAsync("pick.add", storyId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var pick = await db.EditorsPicks.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pick is not null)
        {
            db.EditorsPicks.Remove(pick);
        }

        return await SaveAsync("pick.remove", pick?.StoryId ?? Guid.Empty, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(string action, Guid storyId, CancellationToken cancellationToken)
    {
        var me = StaffActor.From(User);
        var now = time.GetUtcNow();
        db.AuditLog.Add(new AuditEntry(me.Id, me.Name, action, $"story:{storyId}", null, now));
        db.Outbox.Add(new OutboxMessage(storyId, OutboxKinds.CurationChanged, now));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Committed(storyId, OutboxKinds.CurationChanged);
        return Redirect("/newsroom/desk/picks");
    }
}
