using Bulletin.Core.Stories;
using Bulletin.Newsroom;
using Bulletin.Site;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Stories;

/// <summary>Every saved revision of a story, a diff between any two, and restoring one as a new revision.</summary>
public sealed class HistoryModel(NewsroomStories stories, SiteClock clock, NewsroomUi ui) : PageModel
{
    public Story Story { get; private set; } = null!;
    public IReadOnlyList<StoryRevision> Revisions { get; private set; } = [];
    public StoryRevision? From { get; private set; }
    public StoryRevision? To { get; private set; }
    public IReadOnlyList<DiffPiece> Diff { get; private set; } = [];
    public SiteClock Clock => clock;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? a, Guid? b, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        To = Revisions.FirstOrDefault(r => r.Id == b) ?? (Revisions.Count > 0 ? Revisions[0] : null);
        From = Revisions.FirstOrDefault(r => r.Id == a) ?? (Revisions.Count > 1 ? Revisions[1] : null);
        if (From is not null && To is not null)
        {
            Diff = InlineDiffBuilder.Diff(NewsroomStories.AsText(From.Content), NewsroomStories.AsText(To.Content)).Lines;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, Guid revision, int version, CancellationToken cancellationToken)
    {
        var result = await stories.RestoreAsync(id, revision, version, StaffActor.From(User), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/newsroom/stories/edit/{id}?done=save");
        }

        await LoadAsync(id, cancellationToken);
        Problem = ui.T(result.Message) ?? result.Outcome.ToString();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var story = await stories.FindAsync(id, cancellationToken);
        if (story is null)
        {
            return false;
        }

        Story = story;
        Revisions = await stories.RevisionsAsync(id, cancellationToken);
        return true;
    }
}
