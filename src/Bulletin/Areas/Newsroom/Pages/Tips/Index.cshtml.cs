using Bulletin.Core.Tips;
using Bulletin.Tips;
using Bulletin.Tips.Desk;
using Bulletin.Tips.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Tips;

/// <summary>The tip desk's queue across channels, newest first, with filters and search; and logging a phone call as a tip.</summary>
public sealed class IndexModel(TipDesk desk, TipIntake intake) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<TipSummary> Tips { get; private set; } = [];

    /// <summary>Set once, after a phone call was logged: the receipt to read to the caller.</summary>
    public TipReceipt? Logged { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCallAsync(string? said, string? callBack, bool mayContact, bool mayCredit, CancellationToken cancellationToken)
    {
        try
        {
            Logged = await intake.LogCallAsync(said ?? "", callBack, mayContact, mayCredit, cancellationToken);
        }
        catch (TipRefusedException)
        {
            Problem = "call";
        }

        Status = Channel = Query = null;
        From = To = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        TipStatus? status = TipStatuses.TryParse(Status, out var s) ? s : null;
        TipChannel? channel = TipChannels.TryParse(Channel, out var c) ? c : null;
        Tips = await desk.QueueAsync(status, channel, From, To, Query, cancellationToken);
    }
}
