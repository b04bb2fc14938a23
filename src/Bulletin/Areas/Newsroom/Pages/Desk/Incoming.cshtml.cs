using System.Globalization;
using Bulletin.Data;
using Bulletin.Data.Wires;
using Bulletin.Newsroom;
using Bulletin.Site;
using Bulletin.Wires;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Areas.Newsroom.Pages.Desk;

/// <summary>The Incoming queue for editors, newest first and a page at a time, with each configured wire's health.</summary>
public sealed class IncomingModel(IncomingDesk desk, IOptions<WiresOptions> wires, SiteClock clock, NewsroomUi ui) : PageModel
{
    public const int PageSize = 50;

    public SiteClock Clock => clock;
    public IReadOnlyList<IncomingItem> Items { get; private set; } = [];
    public IReadOnlyList<(WireSourceOptions Wire, WireSourceState? State)> Wires { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "new";
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    /// <summary>The <c>before</c> of the next page, when this one is full.</summary>
    public string? Next { get; private set; }

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IncomingStatus? status = Enum.TryParse<IncomingStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        DateTimeOffset? before = DateTimeOffset.TryParse(Before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end) ? end : null;
        Items = await desk.ListAsync(status, Source, Q, before, PageSize, cancellationToken);
        Next = Items.Count == PageSize ? Items[^1].ReceivedAt.ToString("O", CultureInfo.InvariantCulture) : null;
        var states = await desk.StatesAsync(wires.Value.Sources, cancellationToken);
        Wires = [.. wires.Value.Sources.Select(s => (s, states.GetValueOrDefault(s.Name)))];
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken cancellationToken)
    {
        var taken = await desk.TakeAsync(id, StaffActor.From(User), null, cancellationToken);
        if (taken.Story is { } story)
        {
            return Redirect($"/newsroom/stories/edit/{story.Id}");
        }

        Refusal = ui.T(IncomingText.NotTaken, taken.Refusal);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken cancellationToken)
    {
        await desk.DiscardAsync(id, StaffActor.From(User), cancellationToken);
        return Redirect("/newsroom/desk/incoming");
    }
}
