using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Newsroom;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Rundowns;

/// <summary>Rundowns by air date, a week at a time (at most <see cref="NewsroomRundowns.MaxListed"/>), and a form to start one.</summary>
public sealed class IndexModel(NewsroomRundowns rundowns, SiteClock clock, NewsroomUi ui) : PageModel
{
    public const int Days = 7;

    public DateOnly From { get; private set; }
    public DateOnly To => From.AddDays(Days - 1);
    public IReadOnlyList<Rundown> Rundowns { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public SiteClock Clock => clock;
    public string? Problem { get; private set; }

    public async Task OnGetAsync(DateOnly? from, CancellationToken cancellationToken)
    {
        // Yesterday first: the show that just aired is still worth a look.
        From = from ?? clock.Today().AddDays(-1);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? show, string? language, string? start, string? hardOut, CancellationToken cancellationToken)
    {
        var begins = clock.ParseLocal(start);
        var ends = clock.ParseLocal(hardOut);
        if (begins is null || ends is null)
        {
            Problem = ui.T(RundownText.GiveStartAndHardOut);
        }
        else
        {
            var result = await rundowns.CreateAsync(show ?? "", LanguageCodes.TryParse(language, out var l) ? l : Language.Korean, begins.Value, ends.Value,
                null, null, StaffActor.From(User), cancellationToken);
            if (result.Current is { } sheet)
            {
                return Redirect($"/newsroom/rundowns/{sheet.Rundown.Id}");
            }

            Problem = ui.T(result.Message) ?? ui.T(RundownText.GiveStartAndHardOut);
        }

        From = begins is { } b ? clock.DayOf(b) : clock.Today();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rundowns = await rundowns.ListAsync(From, To, NewsroomRundowns.MaxListed, cancellationToken);
        CanCreate = RundownWorkflow.Table.Allows(StaffActor.From(User).Roles, RundownStatus.Planning, RundownAction.Edit);
    }
}
