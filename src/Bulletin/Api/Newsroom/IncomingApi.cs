using System.Globalization;
using System.Text.Json;
using Bulletin.Data;
using Bulletin.Data.Wires;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Bulletin.Wires;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using static Bulletin.Api.Newsroom.ApiRequests;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// The staff API for the Incoming queue, <c>/api/newsroom/incoming</c>: what the wires delivered, newest first, for
/// the roles that edit (403 for other staff); an item is taken into a draft story that keeps its source.
/// </summary>
public static class IncomingApi
{
    public const int DefaultPageSize = 50;

    /// <summary><c>next</c> is the <c>before</c> of the following page (null on the last one).</summary>
    public sealed record IncomingListResponse(IReadOnlyList<IncomingItemResponse> Items, string? Next);

    public sealed record IncomingItemResponse(Guid Id, string Source, string Identity, string? Version, string Format, string ReceivedAt,
        string Provenance, string Headline, string Status, bool Killed, Guid? StoryId, string? SettledBy, StoryJson? Story);

    /// <summary>The section (its slug) the story goes into; none: no section.</summary>
    public sealed record IncomingTakeRequest(string? Section);

    public sealed record IncomingTakeResponse(IncomingItemResponse Item, StoryResponse Story);

    public sealed record WireHealthResponse(string Name, string Kind, string Where, bool Publish, string? LastPollAt, string? LastSuccessAt,
        int ConsecutiveFailures, string? NextAttemptAt, string? LastError);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapIncomingApi(this RouteGroupBuilder api)
    {
        var incoming = api.MapGroup("/incoming").AddEndpointFilter(async (context, next) =>
            IncomingDesk.Desk.Any(context.HttpContext.User.IsInRole)
                ? await next(context)
                : Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only editors, producers and admins work the Incoming queue."));
        incoming.MapGet("/", ListAsync).WithName("ListIncoming");
        incoming.MapGet("/sources", SourcesAsync).WithName("ListWireSources");
        incoming.MapGet("/{id:guid}", GetAsync).WithName("GetIncoming");
        incoming.MapPost("/{id:guid}/take", TakeAsync).WithName("TakeIncoming");
        incoming.MapPost("/{id:guid}/discard", DiscardAsync).WithName("DiscardIncoming");
        return incoming;
    }

    public static async Task<Results<Ok<IncomingListResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? status, [FromQuery] string? source, [FromQuery] string? q, [FromQuery] string? before, [FromQuery] int? size,
        IncomingDesk desk, SiteClock clock, CancellationToken cancellationToken)
    {
        IncomingStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<IncomingStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return Problem(StatusCodes.Status400BadRequest, "No such status", "Statuses are: new, taken, published, discarded.");
            }

            wanted = parsed;
        }

        DateTimeOffset? end = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, "Not a time", "'before' is an ISO 8601 time, as 'next' gives it.");
            }

            end = parsed;
        }

        var count = Math.Clamp(size ?? DefaultPageSize, 1, IncomingDesk.MaxPageSize);
        var items = await desk.ListAsync(wanted, source, q, end, count, cancellationToken);
        var next = items.Count == count ? items[^1].ReceivedAt.ToString("O", CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new IncomingListResponse([.. items.Select(i => From(i, clock, withStory: false))], next));
    }

    public static async Task<Results<Ok<IncomingItemResponse>, ProblemHttpResult>> GetAsync(
        Guid id, BulletinDbContext db, SiteClock clock, CancellationToken cancellationToken)
    {
        var item = await db.Incoming.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null ? NoSuchItem(id) : TypedResults.Ok(From(item, clock, withStory: true));
    }

    public static async Task<Results<Created<IncomingTakeResponse>, ProblemHttpResult>> TakeAsync(
        Guid id, HttpContext context, IncomingDesk desk, SiteClock clock, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ReadOptionalJsonAsync<IncomingTakeRequest>(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var sectionId = await desk.SectionIdAsync(body?.Section, cancellationToken);
        if (body?.Section is { Length: > 0 } slug && sectionId is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "No such section", $"There is no section '{slug}'.");
        }

        var taken = await desk.TakeAsync(id, StaffActor.From(context.User), sectionId, cancellationToken);
        if (taken.Item is null)
        {
            return NoSuchItem(id);
        }

        if (taken.Story is not { } story)
        {
            return Problem(StatusCodes.Status409Conflict, "Not taken", taken.Refusal);
        }

        return TypedResults.Created($"/api/newsroom/stories/{story.Id}",
            new IncomingTakeResponse(From(taken.Item, clock, withStory: false), StoryResponse.From(story, clock)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(
        Guid id, HttpContext context, IncomingDesk desk, CancellationToken cancellationToken) =>
        await desk.DiscardAsync(id, StaffActor.From(context.User), cancellationToken)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status409Conflict, "Not discarded", "There is no such item, or it was taken or set aside already.");

    /// <summary>Each configured wire with how its polls have gone.</summary>
    public static async Task<Ok<IReadOnlyList<WireHealthResponse>>> SourcesAsync(
        Microsoft.Extensions.Options.IOptions<WiresOptions> options, IncomingDesk desk, SiteClock clock, CancellationToken cancellationToken)
    {
        var states = await desk.StatesAsync(options.Value.Sources, cancellationToken);
        IReadOnlyList<WireHealthResponse> health = [.. options.Value.Sources.Select(s =>
        {
            var state = states.GetValueOrDefault(s.Name);
            return new WireHealthResponse(s.Name, s.Kind.ToString().ToLowerInvariant(), (s.Kind == WireKind.Http ? s.Url : s.Path) ?? "", s.Publish,
                Iso(clock, state?.LastPollAt), Iso(clock, state?.LastSuccessAt), state?.ConsecutiveFailures ?? 0, Iso(clock, state?.NextAttemptAt),
                state?.LastError);
        })];
        return TypedResults.Ok(health);
    }

    private static string? Iso(SiteClock clock, DateTimeOffset? at) => at is { } value ? clock.Iso(value) : null;

    private static IncomingItemResponse From(IncomingItem item, SiteClock clock, bool withStory) => new(
        item.Id, item.Source, item.Identity, item.Version.Length == 0 ? null : item.Version, item.Format, clock.Iso(item.ReceivedAt),
        item.Provenance, item.Headline, item.Status.ToString().ToLowerInvariant(), item.Killed, item.StoryId, item.SettledBy,
        withStory ? JsonSerializer.Deserialize<StoryJson>(item.StoryJson, Json) : null);

    private static ProblemHttpResult NoSuchItem(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "No such item", $"There is no item {id} in Incoming.");
}
