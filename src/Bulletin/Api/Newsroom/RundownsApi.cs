using System.Globalization;
using Bulletin.Broadcast.Mos;
using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;
using Bulletin.Newsroom;
using Bulletin.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using static Bulletin.Api.Newsroom.ApiRequests;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// The staff API for rundowns: <c>/api/newsroom/rundowns</c>, in the newsroom group (token authentication once).
/// The rundown workflow table decides what each role may do in each state; every answer carries the rundown timed
/// now and its version as the ETag, and a change based on an older version (If-Match or <c>version</c>) gets 409.
/// </summary>
public static class RundownsApi
{
    /// <summary>The longest span of air dates one list covers.</summary>
    public const int MaxListDays = 31;

    public static RouteGroupBuilder MapRundownsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/studio/objects", ListObjects).WithName("ListStudioObjects");
        var rundowns = api.MapGroup("/rundowns");
        rundowns.MapPost("/", CreateAsync).WithName("CreateRundown");
        rundowns.MapGet("/", ListAsync).WithName("ListRundowns");
        rundowns.MapGet("/{id:guid}", GetAsync).WithName("GetRundown");
        rundowns.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateRundown");
        rundowns.MapPost("/{id:guid}/blocks", AddBlockAsync).WithName("AddRundownBlock");
        rundowns.MapPost("/{id:guid}/items", AddItemAsync).WithName("AddRundownItem");
        rundowns.MapPut("/{id:guid}/items/{itemId:guid}", UpdateItemAsync).WithName("UpdateRundownItem");
        rundowns.MapDelete("/{id:guid}/items/{itemId:guid}", RemoveItemAsync).WithName("RemoveRundownItem");
        rundowns.MapPost("/{id:guid}/items/{itemId:guid}/move", MoveItemAsync).WithName("MoveRundownItem");
        rundowns.MapPost("/{id:guid}/items/{itemId:guid}/objects", AttachObjectAsync).WithName("AttachRundownObject");
        rundowns.MapDelete("/{id:guid}/items/{itemId:guid}/objects/{objId}", DetachObjectAsync).WithName("DetachRundownObject");
        rundowns.MapPost("/{id:guid}/items/{itemId:guid}/{action}", FloatItemAsync).WithName("FloatRundownItem");
        rundowns.MapPost("/{id:guid}/{action}", PerformAsync).WithName("TakeRundownAction");
        return api;
    }

    public static async Task<Results<Created<RundownResponse>, ProblemHttpResult>> CreateAsync(
        RundownRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Show is null || body.Start is not { } start || body.HardOut is not { } hardOut)
        {
            return Problem(StatusCodes.Status400BadRequest, "The rundown is not valid", "'show', 'start' and 'hardOut' are required.");
        }

        if (!LanguageCodes.TryParse(body.Language ?? "ko", out var language))
        {
            return Problem(StatusCodes.Status400BadRequest, "The rundown is not valid", $"'{body.Language}' is not a language (ko, en).");
        }

        var presenters = context.RequestServices.GetRequiredService<PresenterRoster>();
        if (ShowRate(body, presenters, presenters.Usual) is { Problem: { } badRate })
        {
            return badRate;
        }

        var (rate, presenter, _) = ShowRate(body, presenters, presenters.Usual);
        var actor = StaffActor.From(context.User);
        var result = await rundowns.CreateAsync(body.Show, language, start, hardOut, body.AirDate, rate ?? presenters.Usual, actor, cancellationToken,
            presenter);
        if (result.Current is not { } sheet)
        {
            return Failure(context, result, Guid.Empty, clock, time, actor);
        }

        SetETag(context, sheet.Rundown.Version);
        return TypedResults.Created($"/api/newsroom/rundowns/{sheet.Rundown.Id}", Response(context, sheet, clock, time, actor));
    }

    /// <summary>Rundowns airing from <c>from</c> to <c>to</c> (air dates, inclusive; today in the site's zone by default).</summary>
    public static async Task<Results<Ok<List<RundownSummary>>, ProblemHttpResult>> ListAsync(
        NewsroomRundowns rundowns, SiteClock clock, CancellationToken cancellationToken,
        DateOnly? from = null, DateOnly? to = null, int? limit = null)
    {
        var first = from ?? clock.Today();
        var last = to ?? first;
        if (last < first || last.DayNumber - first.DayNumber >= MaxListDays)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a range of air dates",
                $"'to' must be on or after 'from', and a list covers at most {MaxListDays} days.");
        }

        var list = await rundowns.ListAsync(first, last, limit ?? NewsroomRundowns.MaxListed, cancellationToken);
        return TypedResults.Ok(list.Select(r => RundownSummary.From(r, clock)).ToList());
    }

    public static async Task<Results<Ok<RundownResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await rundowns.FindAsync(id, cancellationToken) is not { } sheet)
        {
            return NoSuchRundown(id);
        }

        SetETag(context, sheet.Rundown.Version);
        return TypedResults.Ok(Response(context, sheet, clock, time, StaffActor.From(context.User)));
    }

    /// <summary>The show's name, start and hard out; If-Match is required, as for a story.</summary>
    public static async Task<Results<Ok<RundownResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, RundownRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (StoriesApi.ParseVersion(ifMatch) is not { } basedOn)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send the ETag you read with GET as If-Match, so a change never overwrites one you have not seen.");
        }

        var presenters = context.RequestServices.GetRequiredService<PresenterRoster>();
        if (ShowRate(body, presenters, presenters.Usual) is { Problem: { } badRate })
        {
            return badRate;
        }

        return await ChangeAsync(id, RundownAction.Edit, basedOn, context, rundowns, clock, time, "edit",
            (r, _, actor) =>
            {
                var result = r.Replan(actor, body.Show ?? r.Show, body.Start ?? r.Start, body.HardOut ?? r.HardOut);
                if (result.Outcome == WorkflowOutcome.Done && ShowRate(body, presenters, r.ReadRate) is { Rate: { } rate } chosen)
                {
                    result = r.SetShowReadRate(actor, rate, chosen.Presenter);
                }

                return result;
            }, cancellationToken);
    }

    /// <summary>A block at the end of the show with its budget in seconds; its over/under shows in <c>blocks</c>.</summary>
    public static async Task<Results<Created<RundownBlockAdded>, ProblemHttpResult>> AddBlockAsync(
        Guid id, RundownBlockRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Budget is not { } seconds)
        {
            return Problem(StatusCodes.Status400BadRequest, "The block is not valid", "Send a 'budget' in seconds, and a 'name' if it is not its letter.");
        }

        var blockId = Guid.CreateVersion7(time.GetUtcNow());
        var result = await ChangeAsync(id, RundownAction.Edit, body.Version ?? IfMatch(context), context, rundowns, clock, time, "block.add",
            (r, _, actor) => r.AddBlock(actor, blockId, body.Name, TimeSpan.FromSeconds(seconds)), cancellationToken);
        return result.Result switch
        {
            Ok<RundownResponse> ok => TypedResults.Created($"/api/newsroom/rundowns/{id}", new RundownBlockAdded(blockId, ok.Value!)),
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("A change answers with the rundown or a problem."),
        };
    }

    public static async Task<Results<Created<RundownItemAdded>, ProblemHttpResult>> AddItemAsync(
        Guid id, RundownItemRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var itemId = Guid.CreateVersion7(time.GetUtcNow());
        Func<Rundown, DateTimeOffset, StaffActor, WorkflowResult> add;
        if (body.StoryId is { } storyId)
        {
            if (await rundowns.FindStoryAsync(storyId, cancellationToken) is not { } story)
            {
                return Problem(StatusCodes.Status400BadRequest, "No such story", RundownWorkflowText.NoSuchStory.With(storyId).English);
            }

            var slug = string.IsNullOrWhiteSpace(body.Slug) ? Shorten(story.Headline) : body.Slug;
            add = (r, _, actor) => Then(r.AddStory(actor, itemId, storyId, slug, body.BlockId), () => Place(r, actor, itemId, body.Position));
        }
        else
        {
            if (!TryParseLineKind(body.Kind, out var kind) || body.Duration is not { } seconds || string.IsNullOrWhiteSpace(body.Slug))
            {
                return Problem(StatusCodes.Status400BadRequest, "The line is not valid",
                    "Send a 'storyId', or a 'kind' (break, live, other), a 'slug' and a 'duration' in seconds.");
            }

            add = (r, _, actor) => Then(r.AddLine(actor, itemId, kind, body.Slug, TimeSpan.FromSeconds(seconds), body.BlockId),
                () => Place(r, actor, itemId, body.Position));
        }

        var result = await ChangeAsync(id, RundownAction.Edit, body.Version ?? IfMatch(context), context, rundowns, clock, time, "item.add",
            add, cancellationToken);
        return result.Result switch
        {
            Ok<RundownResponse> ok => TypedResults.Created($"/api/newsroom/rundowns/{id}/items/{itemId}", new RundownItemAdded(itemId, ok.Value!)),
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("A change answers with the rundown or a problem."),
        };
    }

    public static Task<Results<Ok<RundownResponse>, ProblemHttpResult>> UpdateItemAsync(
        Guid id, Guid itemId, RundownItemUpdate body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        RundownItemState? state = null;
        if (body.State is { } code)
        {
            if (!TryParseItemState(code, out var parsed))
            {
                return Task.FromResult<Results<Ok<RundownResponse>, ProblemHttpResult>>(
                    Problem(StatusCodes.Status400BadRequest, "The line is not valid", $"'{code}' is not a state (not-ready, ready, approved)."));
            }

            state = parsed;
        }

        var presenters = context.RequestServices.GetRequiredService<PresenterRoster>();
        if (body.Presenter is { Length: > 0 } named && presenters.Find(named) is null)
        {
            return Task.FromResult<Results<Ok<RundownResponse>, ProblemHttpResult>>(UnknownPresenter(named, presenters));
        }

        return ChangeAsync(id, RundownAction.Edit, IfMatch(context), context, rundowns, clock, time, "item.edit",
            (r, _, actor) =>
            {
                // Each part is its own step of the aggregate; the version rises once per part, which callers never see
                // apart, as only the last is saved.
                var steps = new List<Func<WorkflowResult>>();
                if (body.Slug is { } slug)
                {
                    steps.Add(() => r.SetSlug(actor, itemId, slug));
                }

                if (body.TimedByScript == true)
                {
                    steps.Add(() => r.SetDuration(actor, itemId, null));
                }
                else if (body.Duration is { } seconds)
                {
                    steps.Add(() => r.SetDuration(actor, itemId, TimeSpan.FromSeconds(seconds)));
                }

                if (body.ClearHardStart == true)
                {
                    steps.Add(() => r.SetHardStart(actor, itemId, null));
                }
                else if (body.HardStart is { } hardStart)
                {
                    steps.Add(() => r.SetHardStart(actor, itemId, hardStart));
                }

                if (body.Presenter is not null || body.ReadRate is not null)
                {
                    steps.Add(() =>
                    {
                        var presenter = presenters.Find(body.Presenter);
                        var basis = presenter?.ReadRate ?? r.Find(itemId)?.ReadRate ?? r.ReadRate;
                        var rate = body.ReadRate?.Over(basis) ?? presenter?.ReadRate;
                        return r.SetReadRate(actor, itemId, rate, presenter?.Name);
                    });
                }

                if (state is { } s)
                {
                    steps.Add(() => r.SetState(actor, itemId, s));
                }

                var result = r.Find(itemId) is null ? WorkflowResult.NotFound(RundownWorkflowText.NoSuchItem.With(itemId)) : WorkflowResult.Unchanged;
                foreach (var step in steps)
                {
                    result = step();
                    if (result.Outcome != WorkflowOutcome.Done)
                    {
                        return result;
                    }
                }

                return result;
            }, cancellationToken);
    }

    public static Task<Results<Ok<RundownResponse>, ProblemHttpResult>> RemoveItemAsync(
        Guid id, Guid itemId, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, IfMatch(context), context, rundowns, clock, time, "item.remove",
            (r, _, actor) => r.RemoveItem(actor, itemId), cancellationToken);

    public static Task<Results<Ok<RundownResponse>, ProblemHttpResult>> MoveItemAsync(
        Guid id, Guid itemId, RundownMoveRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Position is not { } position)
        {
            return Task.FromResult<Results<Ok<RundownResponse>, ProblemHttpResult>>(
                Problem(StatusCodes.Status400BadRequest, "A position is needed", "Move takes {\"position\": 0} (0 is the top)."));
        }

        return ChangeAsync(id, RundownAction.Edit, body.Version ?? IfMatch(context), context, rundowns, clock, time, "item.move",
            (r, _, actor) => r.MoveItem(actor, itemId, position), cancellationToken);
    }

    /// <summary>The most studio objects one list answers with.</summary>
    public const int MaxObjectsListed = 200;

    /// <summary>
    /// The objects the studio's devices offer, by slug: those whose slug or objID holds <c>find</c>, at most
    /// <c>limit</c> (100 by default, 200 at most). Empty without a MOS gateway.
    /// </summary>
    public static Ok<List<StudioObjectResponse>> ListObjects(HttpContext context, string? find = null, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inventory = context.RequestServices.GetService<MosObjectInventory>();
        var found = inventory?.Search(find, Math.Clamp(limit ?? 100, 1, MaxObjectsListed)) ?? [];
        return TypedResults.Ok(found.Select(o => new StudioObjectResponse(o.DeviceId, o.Id, o.Slug, o.Type,
            o.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null, o.Status)).ToList());
    }

    /// <summary>
    /// Attaches a studio object from the gateway's inventory (what the devices offered with mosObj and mosListAll) to
    /// a line; an on-air show's devices get it as an item INSERT in the line's story.
    /// </summary>
    public static async Task<Results<Created<RundownObjectAdded>, ProblemHttpResult>> AttachObjectAsync(
        Guid id, Guid itemId, RundownObjectRequest body, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.ObjectId))
        {
            return Problem(StatusCodes.Status400BadRequest, "An object is needed", "Send the 'objID' of an object a studio device offers, and its 'device' if several do.");
        }

        // Registered only where a Mos section is configured: without a gateway no device offers anything.
        var inventory = context.RequestServices.GetService<MosObjectInventory>();
        var offered = inventory?.WithId(body.ObjectId).Where(o => body.Device is null || o.DeviceId == body.Device).ToList() ?? [];
        if (offered.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "No such object",
                $"No studio device offers an object '{body.ObjectId}'{(body.Device is null ? "" : $" on {body.Device}")}.");
        }

        if (offered.Count > 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "Which device?",
                $"Several devices offer '{body.ObjectId}' ({string.Join(", ", offered.Select(o => o.DeviceId))}); send its 'device'.");
        }

        var obj = offered[0];
        var attachmentId = Guid.CreateVersion7(time.GetUtcNow());
        var result = await ChangeAsync(id, RundownAction.Edit, body.Version ?? IfMatch(context), context, rundowns, clock, time, "item.object.attach",
            (r, _, actor) => r.AttachObject(actor, itemId, attachmentId, obj.DeviceId, obj.Id, obj.Slug, obj.Duration, obj.Frames), cancellationToken);
        return result.Result switch
        {
            Ok<RundownResponse> ok => TypedResults.Created($"/api/newsroom/rundowns/{id}/items/{itemId}/objects/{Uri.EscapeDataString(obj.Id)}",
                new RundownObjectAdded(attachmentId, ok.Value!)),
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("A change answers with the rundown or a problem."),
        };
    }

    /// <summary>Takes the object with this objID off the line; an on-air show's devices get the item's DELETE.</summary>
    public static Task<Results<Ok<RundownResponse>, ProblemHttpResult>> DetachObjectAsync(
        Guid id, Guid itemId, string objId, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, RundownAction.Edit, IfMatch(context), context, rundowns, clock, time, "item.object.detach",
            (r, _, actor) => r.DetachObject(actor, itemId, objId), cancellationToken);

    /// <summary><c>float</c> takes a line out of the timing and the studio's running order; <c>unfloat</c> puts it back.</summary>
    public static async Task<Results<Ok<RundownResponse>, ProblemHttpResult>> FloatItemAsync(
        Guid id, Guid itemId, string action, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var floated = action.ToLowerInvariant() switch
        {
            "float" => true,
            "unfloat" => (bool?)false,
            _ => null,
        };
        if (floated is not { } value)
        {
            return Problem(StatusCodes.Status404NotFound, "No such action", "A line's actions are: move, float, unfloat.");
        }

        return await ChangeAsync(id, RundownAction.Edit, IfMatch(context), context, rundowns, clock, time, value ? "item.float" : "item.unfloat",
            (r, _, actor) => value ? r.FloatItem(actor, itemId) : r.UnfloatItem(actor, itemId), cancellationToken);
    }

    /// <summary>The rundown's workflow: lock, unlock, activate (to the studio's MOS devices), next, take, finish.</summary>
    public static async Task<Results<Ok<RundownResponse>, ProblemHttpResult>> PerformAsync(
        Guid id, string action, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!RundownActions.Codes.TryParse(action, out var parsed) || parsed == RundownAction.Edit)
        {
            return Problem(StatusCodes.Status404NotFound, "No such action",
                "Actions are: " + string.Join(", ", RundownActions.Codes.All.Where(c => c != RundownActions.Codes.Of(RundownAction.Edit))) + ".");
        }

        var (body, invalid) = await ReadOptionalJsonAsync<RundownActionRequest>(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (parsed == RundownAction.Next && body?.ItemId is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "A line is needed", "Next takes {\"itemId\": \"...\"}.");
        }

        return await ChangeAsync(id, parsed, body?.Version ?? IfMatch(context), context, rundowns, clock, time, RundownActions.Codes.Of(parsed),
            (r, now, actor) => parsed switch
            {
                RundownAction.Lock => r.Lock(actor),
                RundownAction.Unlock => r.Unlock(actor),
                RundownAction.Activate => r.Activate(actor),
                RundownAction.Next => r.Next(actor, body!.ItemId!.Value),
                RundownAction.Take => r.Take(actor, now),
                RundownAction.Finish => r.Finish(actor, now),
                _ => throw new InvalidOperationException($"{parsed} is not an action route."),
            }, cancellationToken);
    }

    private static async Task<Results<Ok<RundownResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, RundownAction action, int? basedOn, HttpContext context, NewsroomRundowns rundowns, SiteClock clock, TimeProvider time,
        string what, Func<Rundown, DateTimeOffset, StaffActor, WorkflowResult> change, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(context.User);
        var result = await rundowns.ChangeAsync(id, action, basedOn, actor, (r, now) => change(r, now, actor), what, cancellationToken);
        if (!result.Succeeded || result.Current is not { } sheet)
        {
            return Failure(context, result, id, clock, time, actor);
        }

        SetETag(context, sheet.Rundown.Version);
        return TypedResults.Ok(Response(context, sheet, clock, time, actor));
    }

    private static WorkflowResult Then(WorkflowResult first, Func<WorkflowResult> next) =>
        first.Outcome == WorkflowOutcome.Done ? next() : first;

    private static WorkflowResult Place(Rundown rundown, StaffActor actor, Guid itemId, int? position)
    {
        if (position is not { } at)
        {
            return WorkflowResult.Done;
        }

        var moved = rundown.MoveItem(actor, itemId, at);
        return moved.Outcome == WorkflowOutcome.Done ? WorkflowResult.Done : moved;
    }

    private static RundownResponse Response(HttpContext context, RundownSheet sheet, SiteClock clock, TimeProvider time, StaffActor actor) =>
        RundownResponse.From(sheet, clock, time.GetUtcNow(), actor.Roles,
            // Registered only where a Mos section is configured.
            context.RequestServices.GetService<MosStatusBoard>()?.Of(RundownRunningOrder.Id(sheet.Rundown.Id)));

    private static ProblemHttpResult Failure(HttpContext context, RundownChange result, Guid id, SiteClock clock, TimeProvider time, StaffActor actor) => result.Outcome switch
    {
        WorkflowOutcome.NotFound when result.Current is null => NoSuchRundown(id),
        WorkflowOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "No such line", result.Message?.English),
        WorkflowOutcome.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Message?.English),
        WorkflowOutcome.NotAllowedNow => Problem(StatusCodes.Status409Conflict, "Not in this state", result.Message?.English),
        WorkflowOutcome.Stale => TypedResults.Problem(
            detail: result.Message?.English,
            statusCode: StatusCodes.Status409Conflict,
            title: "Edit conflict",
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = result.Current?.Rundown.Version,
                ["current"] = result.Current is { } current ? Response(context, current, clock, time, actor) : null,
            }),
        _ => Problem(StatusCodes.Status400BadRequest, "Not possible", result.Message?.English),
    };

    /// <summary>
    /// The show's read rate a request asks for: the named presenter's, the request's own over <paramref name="basis"/>
    /// (the presenter's, when both are sent), or none (Rate null) when it names neither. An unknown presenter is a problem.
    /// </summary>
    private static (ReadTimeOptions? Rate, string? Presenter, ProblemHttpResult? Problem) ShowRate(RundownRequest body, PresenterRoster presenters,
        ReadTimeOptions basis)
    {
        if (body.Presenter is { Length: > 0 } name)
        {
            if (presenters.Find(name) is not { } presenter)
            {
                return (null, null, UnknownPresenter(name, presenters));
            }

            return (body.ReadRate?.Over(presenter.ReadRate) ?? presenter.ReadRate, presenter.Name, null);
        }

        return (body.ReadRate?.Over(basis), null, null);
    }

    private static ProblemHttpResult UnknownPresenter(string name, PresenterRoster presenters) =>
        Problem(StatusCodes.Status400BadRequest, "No such presenter",
            $"'{name}' is not one of the presenters ({string.Join(", ", presenters.All.Select(p => p.Name))}).");

    private static ProblemHttpResult NoSuchRundown(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "No such rundown", $"There is no rundown {id}.");

    private static int? IfMatch(HttpContext context) => StoriesApi.ParseVersion(context.Request.Headers.IfMatch.ToString());

    private static void SetETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static string Shorten(string headline) => headline.Length <= 200 ? headline : headline[..200];

    private static bool TryParseLineKind(string? code, out RundownItemKind kind)
    {
        kind = code?.Trim().ToLowerInvariant() switch
        {
            "break" => RundownItemKind.Break,
            "live" => RundownItemKind.Live,
            "other" => RundownItemKind.Other,
            _ => RundownItemKind.Story,
        };
        return kind != RundownItemKind.Story;
    }

    private static bool TryParseItemState(string code, out RundownItemState state)
    {
        state = code.Trim().ToLowerInvariant() switch
        {
            "not-ready" => RundownItemState.NotReady,
            "ready" => RundownItemState.Ready,
            "approved" => RundownItemState.Approved,
            _ => (RundownItemState)(-1),
        };
        return Enum.IsDefined(state);
    }
}
