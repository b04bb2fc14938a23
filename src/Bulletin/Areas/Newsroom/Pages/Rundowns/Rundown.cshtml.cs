using System.Globalization;
using Bulletin.Broadcast;
using Bulletin.Broadcast.Mos;
using Bulletin.Broadcast.Printing;
using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Rundowns;

/// <summary>
/// The producer's rundown: the grid with every timing column, and a form for each change, so the page works with
/// no script at all (each change posts and comes back here). rundown.js makes it live: it refetches the grid when
/// the hub says the rundown or one of its stories changed, and moves lines by keyboard and drag through the same
/// move form. Every change goes through <see cref="NewsroomRundowns"/>, based on the version the page showed.
/// </summary>
public sealed class RundownModel(NewsroomRundowns rundowns, BulletinDbContext db, RundownPdf pdf, SiteClock clock, TimeProvider time, NewsroomUi ui,
    PresenterRoster presenters)
    : PageModel
{
    /// <summary>Studio objects offered in the picker at once; a producer narrows a bigger inventory with Find.</summary>
    public const int ObjectsOffered = 100;

    /// <summary>Stories offered for a new line, per workflow state: the newest few, from the (Status, UpdatedAt) index.</summary>
    private const int OfferedPerState = 15;

    private static readonly StoryStatus[] OfferedStates = [StoryStatus.Approved, StoryStatus.Submitted, StoryStatus.Draft, StoryStatus.Published];

    public RundownGrid Grid { get; private set; } = null!;
    public SiteClock Clock => clock;
    public bool CanEdit { get; private set; }
    public bool CanNext { get; private set; }
    public IReadOnlyList<RundownAction> Actions { get; private set; } = [];
    public IReadOnlyList<Story> Offered { get; private set; } = [];
    public string? Notice { get; private set; }

    /// <summary>The studio objects the picker offers (none without a MOS gateway), and the text they were found by.</summary>
    public IReadOnlyList<MosObject> Inventory { get; private set; } = [];
    public string? FindText { get; private set; }

    /// <summary>Whether a MOS gateway runs here, so that the studio's word and objects have a place on the page.</summary>
    public bool HasStudio => HttpContext.RequestServices.GetService<MosStatusBoard>() is not null;

    /// <summary>What each device last said of each line (its MOS story id) and of its objects (their item ids).</summary>
    public ILookup<string, MosElementStatus> Studio { get; private set; } = Array.Empty<MosElementStatus>().ToLookup(s => "");

    public IReadOnlyList<Presenter> Presenters => presenters.All;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? find, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = done is null ? null : ui.T(RundownText.Done);
        Offered = await OfferedAsync(cancellationToken);
        FindText = find;
        Inventory = HttpContext.RequestServices.GetService<MosObjectInventory>()?.Search(find, ObjectsOffered) ?? [];
        return Page();
    }

    /// <summary>The grid alone, for rundown.js to put in place of the one on screen.</summary>
    public async Task<IActionResult> OnGetGridAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_RundownGrid", this) : NotFound();

    /// <summary>The printed rundown (<c>what=rundown</c>, landscape) or its scripts (<c>what=scripts</c>), as PDF.</summary>
    public async Task<IActionResult> OnGetPrintAsync(Guid id, string? what, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var scripts = what == "scripts";
        try
        {
            var bytes = scripts ? pdf.Scripts(Grid, ui.Language, time.GetUtcNow()) : pdf.Sheet(Grid, ui.Language, time.GetUtcNow());
            var name = $"{Grid.Rundown.AirDate:yyyyMMdd}-{(scripts ? "scripts" : "rundown")}.pdf";
            Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
            return File(bytes, "application/pdf");
        }
        catch (PdfUnavailableException e)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
                ContentType = "text/plain; charset=utf-8",
                Content = ui.T(RundownText.PdfUnavailable, ui.T(e.Reason)),
            };
        }
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid item, int position, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, version, "item.move", (r, _, a) => r.MoveItem(a, item, position), cancellationToken);

    public Task<IActionResult> OnPostFloatAsync(Guid id, Guid item, bool floated, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, version, floated ? "item.float" : "item.unfloat",
            (r, _, a) => floated ? r.FloatItem(a, item) : r.UnfloatItem(a, item), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid item, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, version, "item.remove", (r, _, a) => r.RemoveItem(a, item), cancellationToken);

    public Task<IActionResult> OnPostNextAsync(Guid id, Guid item, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Next, version, "next", (r, _, a) => r.Next(a, item), cancellationToken);

    public Task<IActionResult> OnPostRenumberAsync(Guid id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, version, "renumber", (r, _, a) => r.Renumber(a), cancellationToken);

    /// <summary>A line's slug, duration (empty: a story's text and media time again) and readiness, saved together.</summary>
    public Task<IActionResult> OnPostItemAsync(Guid id, Guid item, string? slug, string? duration, string? state, int? version,
        CancellationToken cancellationToken)
    {
        var parsed = TimingFormat.Parse(duration);
        if (!string.IsNullOrWhiteSpace(duration) && parsed is null)
        {
            return RefusedAsync(id, ui.T(RundownText.DurationNotATime), cancellationToken: cancellationToken);
        }

        return ChangeAsync(id, RundownAction.Edit, version, "item.edit", (r, _, a) =>
        {
            if (r.Find(item) is not { } line)
            {
                return WorkflowResult.NotFound(RundownWorkflowText.NoSuchItem.With(item));
            }

            var result = slug is not null && slug.Trim() != line.Slug ? r.SetSlug(a, item, slug) : WorkflowResult.Unchanged;
            if (result.Succeeded && parsed != line.PlannedDuration && (parsed is not null || line.Kind == RundownItemKind.Story))
            {
                result = r.SetDuration(a, item, parsed);
            }

            if (result.Succeeded && ItemStates.TryGetValue(state ?? "", out var s) && s != line.State)
            {
                result = r.SetState(a, item, s);
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// Attaches a studio object from the inventory to a line. The picker's value is the device's id and the objID,
    /// each escaped, with a space between: MOS ids may hold any character but a space survives escaping as %20.
    /// </summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, Guid item, string? obj, int? version, CancellationToken cancellationToken)
    {
        var parts = (obj ?? "").Split(' ');
        var found = parts.Length == 2
            ? HttpContext.RequestServices.GetService<MosObjectInventory>()?.Find(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : null;
        if (found is null)
        {
            return await RefusedAsync(id, ui.T(RundownText.NoSuchObject), cancellationToken: cancellationToken);
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "item.object.attach",
            (r, now, a) => r.AttachObject(a, item, Guid.CreateVersion7(now), found.DeviceId, found.Id, found.Slug, found.Duration, found.Frames),
            cancellationToken);
    }

    public Task<IActionResult> OnPostDetachAsync(Guid id, Guid item, string? obj, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, version, "item.object.detach", (r, _, a) => r.DetachObject(a, item, obj ?? ""), cancellationToken);

    /// <summary>A line's hard start as a time of day in the site's zone (hh:mm or hh:mm:ss); empty takes it away.</summary>
    public async Task<IActionResult> OnPostHardStartAsync(Guid id, Guid item, string? hardStart, int? version, CancellationToken cancellationToken)
    {
        TimeOnly? typed = null;
        if (!string.IsNullOrWhiteSpace(hardStart))
        {
            if (!TimeOnly.TryParseExact(hardStart.Trim(), ["H:mm", "H:mm:ss", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return await RefusedAsync(id, ui.T(RundownText.HardStartNotATime), cancellationToken: cancellationToken);
            }

            typed = t;
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "item.edit",
            (r, _, a) => r.SetHardStart(a, item, typed is { } t ? OnAirDay(r, t) : null), cancellationToken);
    }

    /// <summary>
    /// Who reads a line and how fast: a presenter of the roster at their rate, or the rates typed (over the
    /// presenter's, or the show's); no presenter and no rate reads it as the show.
    /// </summary>
    public async Task<IActionResult> OnPostLineRateAsync(Guid id, Guid item, string? presenter, string? korean, string? english, int? version,
        CancellationToken cancellationToken)
    {
        var (chosen, ko, en, problem) = Rates(presenter, korean, english);
        if (problem is not null)
        {
            return await RefusedAsync(id, problem, cancellationToken: cancellationToken);
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "item.edit", (r, _, a) =>
        {
            if (chosen is null && ko is null && en is null)
            {
                return r.SetReadRate(a, item, null);
            }

            var basis = chosen?.ReadRate ?? r.ReadRate;
            return r.SetReadRate(a, item, Over(basis, ko, en), chosen?.Name);
        }, cancellationToken);
    }

    /// <summary>The show's presenter and read rate; every line without its own follows. Neither: the newsroom's usual rate.</summary>
    public async Task<IActionResult> OnPostShowRateAsync(Guid id, string? presenter, string? korean, string? english, int? version,
        CancellationToken cancellationToken)
    {
        var (chosen, ko, en, problem) = Rates(presenter, korean, english);
        if (problem is not null)
        {
            return await RefusedAsync(id, problem, cancellationToken: cancellationToken);
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "edit",
            (r, _, a) => r.SetShowReadRate(a, Over(chosen?.ReadRate ?? presenters.Usual, ko, en), chosen?.Name), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddStoryAsync(Guid id, Guid? story, int? version, CancellationToken cancellationToken)
    {
        if (story is not { } storyId || await rundowns.FindStoryAsync(storyId, cancellationToken) is not { } found)
        {
            return await RefusedAsync(id, ui.T(RundownText.NoSuchStory), cancellationToken: cancellationToken);
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "item.add",
            (r, now, a) => r.AddStory(a, Guid.CreateVersion7(now), found.Id, found.Headline), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddLineAsync(Guid id, string? kind, string? slug, string? duration, int? version,
        CancellationToken cancellationToken)
    {
        var length = TimingFormat.Parse(duration);
        if (length is null)
        {
            return await RefusedAsync(id, ui.T(RundownText.DurationNotATime), cancellationToken: cancellationToken);
        }

        var lineKind = kind switch
        {
            "live" => RundownItemKind.Live,
            "other" => RundownItemKind.Other,
            _ => RundownItemKind.Break,
        };
        return await ChangeAsync(id, RundownAction.Edit, version, "item.add",
            (r, now, a) => r.AddLine(a, Guid.CreateVersion7(now), lineKind, slug ?? "", length.Value), cancellationToken);
    }

    /// <summary>A new block at the end (B, C, ...) with its budget; lines added after it go into it.</summary>
    public async Task<IActionResult> OnPostAddBlockAsync(Guid id, string? name, string? budget, int? version, CancellationToken cancellationToken)
    {
        var length = TimingFormat.Parse(budget);
        if (length is null)
        {
            return await RefusedAsync(id, ui.T(RundownText.DurationNotATime), cancellationToken: cancellationToken);
        }

        return await ChangeAsync(id, RundownAction.Edit, version, "block.add",
            (r, now, a) => r.AddBlock(a, Guid.CreateVersion7(now), name ?? "", length.Value), cancellationToken);
    }

    /// <summary>The rundown's workflow: lock, unlock, activate, take, finish (next is per line).</summary>
    public Task<IActionResult> OnPostActionAsync(Guid id, string? action, int? version, CancellationToken cancellationToken)
    {
        if (!RundownActions.Codes.TryParse(action, out var parsed) || parsed is RundownAction.Edit or RundownAction.Next)
        {
            return Task.FromResult<IActionResult>(NotFound());
        }

        return ChangeAsync(id, parsed, version, RundownActions.Codes.Of(parsed), (r, now, a) => parsed switch
        {
            RundownAction.Lock => r.Lock(a),
            RundownAction.Unlock => r.Unlock(a),
            RundownAction.Activate => r.Activate(a),
            RundownAction.Take => r.Take(a, now),
            _ => r.Finish(a, now),
        }, cancellationToken);
    }

    /// <summary>The presenter chosen (null: none) and the rates typed (null: left empty), or why they will not do.</summary>
    private (Presenter? Presenter, double? Korean, double? English, string? Problem) Rates(string? presenter, string? korean, string? english)
    {
        Presenter? chosen = null;
        if (!string.IsNullOrWhiteSpace(presenter) && (chosen = presenters.Find(presenter)) is null)
        {
            return (null, null, null, ui.T(RundownText.NoSuchPresenter));
        }

        double? ko = null, en = null;
        if (!string.IsNullOrWhiteSpace(korean))
        {
            if (!double.TryParse(korean.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var k))
            {
                return (null, null, null, ui.T(RundownText.RateNotANumber));
            }

            ko = k;
        }

        if (!string.IsNullOrWhiteSpace(english))
        {
            if (!double.TryParse(english.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var e))
            {
                return (null, null, null, ui.T(RundownText.RateNotANumber));
            }

            en = e;
        }

        return (chosen, ko, en, null);
    }

    private static ReadTimeOptions Over(ReadTimeOptions basis, double? korean, double? english) => new()
    {
        KoreanSyllablesPerMinute = korean ?? basis.KoreanSyllablesPerMinute,
        EnglishWordsPerMinute = english ?? basis.EnglishWordsPerMinute,
    };

    /// <summary>
    /// A time of day typed for a line, on the show's air date in the site's zone; a show that runs past midnight
    /// takes a time before its start on the day after, when that still falls before its hard out.
    /// </summary>
    private DateTimeOffset OnAirDay(Rundown rundown, TimeOnly time)
    {
        var onTheDay = clock.Instant(rundown.AirDate.ToDateTime(time));
        var dayAfter = clock.Instant(rundown.AirDate.AddDays(1).ToDateTime(time));
        return onTheDay < rundown.Start && dayAfter <= rundown.HardOut ? dayAfter : onTheDay;
    }

    public static readonly IReadOnlyDictionary<string, RundownItemState> ItemStates = new Dictionary<string, RundownItemState>(StringComparer.Ordinal)
    {
        ["not-ready"] = RundownItemState.NotReady,
        ["ready"] = RundownItemState.Ready,
        ["approved"] = RundownItemState.Approved,
    };

    public static string Code(RundownItemState state) => ItemStates.First(s => s.Value == state).Key;

    /// <summary>A post from rundown.js (it asks for no page back) answers with a status; a form's post comes back to the page.</summary>
    private bool FromScript => Request.Headers.ContainsKey("X-Bulletin-Fragment");

    private async Task<IActionResult> ChangeAsync(Guid id, RundownAction action, int? version, string what,
        Func<Rundown, DateTimeOffset, StaffActor, WorkflowResult> change, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        var result = await rundowns.ChangeAsync(id, action, version, actor, (r, now) => change(r, now, actor), what, cancellationToken);
        if (result.Outcome == WorkflowOutcome.NotFound && result.Current is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            var message = result.Outcome == WorkflowOutcome.Stale ? ui.T(RundownText.ChangedMeanwhile) : ui.T(result.Message) ?? "";
            return await RefusedAsync(id, message,
                result.Outcome == WorkflowOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict, cancellationToken);
        }

        return FromScript ? new NoContentResult() : Redirect($"/newsroom/rundowns/{id}?done={Uri.EscapeDataString(what)}#rundown-grid");
    }

    /// <summary>A refused change: the reason as text for the script, or the page again with it (nothing the form held is kept but the reason).</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, string message, int status = StatusCodes.Status409Conflict,
        CancellationToken cancellationToken = default)
    {
        if (FromScript)
        {
            return new ContentResult { StatusCode = status, ContentType = "text/plain; charset=utf-8", Content = message };
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Problem = message;
        Offered = await OfferedAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await rundowns.FindAsync(id, cancellationToken) is not { } sheet)
        {
            return false;
        }

        Grid = RundownGrid.Of(sheet, time.GetUtcNow());
        Studio = (HttpContext.RequestServices.GetService<MosStatusBoard>()?.Of(RundownRunningOrder.Id(id)) ?? [])
            .ToLookup(s => s.ItemId ?? s.StoryId ?? "", StringComparer.Ordinal);
        var roles = StaffActor.From(User).Roles;
        var status = sheet.Rundown.Status;
        CanEdit = RundownWorkflow.Table.Allows(roles, status, RundownAction.Edit);
        CanNext = RundownWorkflow.Table.Allows(roles, status, RundownAction.Next);
        Actions = [.. RundownWorkflow.Table.ActionsFor(roles, status).Where(a => a is not (RundownAction.Edit or RundownAction.Next))];
        return true;
    }

    private async Task<IReadOnlyList<Story>> OfferedAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return [];
        }

        var language = Grid.Rundown.Language;
        var offered = new List<Story>();
        foreach (var state in OfferedStates)
        {
            offered.AddRange(await db.Stories.AsNoTracking()
                .Where(s => s.Status == state && s.Language == language)
                .OrderByDescending(s => s.UpdatedAt).Take(OfferedPerState).ToListAsync(cancellationToken));
        }

        return offered;
    }
}
