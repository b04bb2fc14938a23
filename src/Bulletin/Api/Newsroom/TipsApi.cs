using Bulletin.Areas.Newsroom;
using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Hosting;
using Bulletin.Newsroom;
using Bulletin.Tips.Desk;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using static Bulletin.Api.Newsroom.ApiRequests;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// The staff API for the tip desk: <c>/api/newsroom/tips</c>, for the tip desk and editors (403 for other staff).
/// Files are served as their scrubbed copies only; every opening is audited by <see cref="TipDesk"/>.
/// </summary>
public static class TipsApi
{
    public const int PageSize = 50;

    public sealed record TipListResponse(int Page, int PageSize, int Total, IReadOnlyList<TipListItem> Tips);

    public sealed record TipListItem(Guid Id, string Channel, string Status, string ReceivedOn, string Opening, int Files,
        string? AssignedTo, Guid? DuplicateOf);

    /// <summary>
    /// <c>version</c> goes back with an action (in its body, or as If-Match), so an action based on what another desk
    /// member has since changed is refused as stale. Not an ETag: the tip routes send none, so nothing can track a reader.
    /// </summary>
    public sealed record TipResponse(Guid Id, string Channel, string Status, string ReceivedOn, string Text, string? Contact,
        bool MayContact, bool MayCredit, string? AssignedTo, Guid? StoryId, Guid? DuplicateOf,
        IReadOnlyList<TipAttachmentResponse> Attachments, IReadOnlyList<TipMessageResponse> Messages, int Version);

    /// <summary><c>url</c> is null when the file has no scrubbed copy (see <c>label</c>): the original is never served here.</summary>
    public sealed record TipAttachmentResponse(Guid Id, string Name, string ContentType, long Length, string Label, string? Url);

    public sealed record TipMessageResponse(string Author, string? Staff, string Body, string SentOn);

    /// <summary>The body of a tip action; each action reads the fields it needs. <c>version</c> (or If-Match) is the one the caller saw.</summary>
    public sealed record TipActionRequest(string? Assignee, Guid? StoryId, string? Text, Guid? DuplicateId, int? Version = null);

    public static RouteGroupBuilder MapTipsApi(this RouteGroupBuilder api)
    {
        var tips = api.MapGroup("/tips").AddEndpointFilter(async (context, next) =>
            TipWorkflow.Desk.Any(context.HttpContext.User.IsInRole)
                ? await next(context)
                : Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the tip desk and editors handle tips."));
        tips.MapGet("/", ListAsync).WithName("ListTips");
        tips.MapGet("/{id:guid}", GetAsync).WithName("GetTip");
        tips.MapGet("/{id:guid}/attachments/{attachmentId:guid}", AttachmentAsync).WithName("GetTipAttachment");
        tips.MapPost("/{id:guid}/{action}", PerformAsync).WithName("TakeTipAction");
        return tips;
    }

    public static async Task<Results<Ok<TipListResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? status, [FromQuery] string? channel, [FromQuery] string? q, [FromQuery] int? page,
        TipDesk desk, CancellationToken cancellationToken)
    {
        TipStatus? wantedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!TipStatuses.TryParse(status, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, "No such status", "Statuses are: new, reviewing, assigned, used, declined, spam.");
            }

            wantedStatus = parsed;
        }

        TipChannel? wantedChannel = null;
        if (!string.IsNullOrEmpty(channel))
        {
            if (!TipChannels.TryParse(channel, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, "No such channel", "Channels are: web, email, kakao, phone.");
            }

            wantedChannel = parsed;
        }

        var number = Math.Clamp(page ?? 1, 1, 10_000);
        var all = await desk.QueueAsync(wantedStatus, wantedChannel, null, null, q, cancellationToken);
        var items = all.Skip((number - 1) * PageSize).Take(PageSize)
            .Select(t => new TipListItem(t.Id, t.Channel.ToCode(), t.Status.ToCode(), TipText.Day(t.ReceivedOn), t.Opening,
                t.FileCount, t.AssignedTo, t.DuplicateOfId))
            .ToList();
        return TypedResults.Ok(new TipListResponse(number, PageSize, all.Count, items));
    }

    public static async Task<Results<Ok<TipResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, TipDesk desk, CancellationToken cancellationToken)
    {
        var tip = await desk.ReadAsync(id, StaffActor.From(context.User).Name, cancellationToken);
        if (tip is null)
        {
            return NoSuchTip(id);
        }

        return TypedResults.Ok(new TipResponse(tip.Id, tip.Channel.ToCode(), tip.Status.ToCode(), TipText.Day(tip.ReceivedOn),
            tip.Text, tip.Contact, tip.MayContact, tip.MayCredit, tip.AssignedTo, tip.StoryId, tip.DuplicateOfId,
            tip.Files.Select(f => new TipAttachmentResponse(f.Id, f.Name, f.ContentType, f.Length, f.Label.English,
                f.State == TipAttachmentState.Scrubbed ? $"/api/newsroom/tips/{tip.Id}/attachments/{f.Id}" : null)).ToList(),
            tip.Messages.Select(m => new TipMessageResponse(m.Author.ToCode(), m.Staff, m.Body, TipText.Day(m.SentOn))).ToList(),
            tip.Version));
    }

    /// <summary>The scrubbed copy of a file (audited); 404 where there is none.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> AttachmentAsync(
        Guid id, Guid attachmentId, HttpContext context, TipDesk desk, CancellationToken cancellationToken)
    {
        var stream = await desk.OpenStaffCopyAsync(id, attachmentId, StaffActor.From(context.User).Name, cancellationToken);
        if (stream is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No scrubbed copy",
                "There is no such file, or it could not be scrubbed; its original is not served by the API.");
        }

        var contentType = await desk.StaffCopyContentTypeAsync(id, attachmentId, cancellationToken) ?? "application/octet-stream";
        return TypedResults.Stream(stream, contentType);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PerformAsync(
        Guid id, string action, HttpContext context, TipDesk desk, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiRequests.ReadOptionalJsonAsync<TipActionRequest>(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!await desk.ExistsAsync(id, cancellationToken))
        {
            return NoSuchTip(id);
        }

        // "receive" is a row of the table too, but tips arrive through their channels, never through this route.
        if (!TipActions.TryParse(action, out var parsed) || parsed == TipAction.Receive)
        {
            return Problem(StatusCodes.Status404NotFound, "No such action",
                "Actions are: " + string.Join(", ", TipActions.Codes.All.Where(c => c != TipAction.Receive.ToCode())) + ".");
        }

        var input = new TipActionInput(body?.Assignee, body?.StoryId, body?.Text, body?.DuplicateId);
        var basedOn = body?.Version ?? StoriesApi.ParseVersion(context.Request.Headers.IfMatch.ToString());
        var result = await desk.PerformAsync(id, parsed, input, StaffActor.From(context.User), basedOn, cancellationToken);
        return result.Outcome switch
        {
            WorkflowOutcome.Done or WorkflowOutcome.Unchanged => TypedResults.NoContent(),
            WorkflowOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "No such tip", result.Reason?.English),
            WorkflowOutcome.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Reason?.English),
            WorkflowOutcome.NotAllowedNow => Problem(StatusCodes.Status409Conflict, "Not in this state", result.Reason?.English),
            WorkflowOutcome.Stale => Problem(StatusCodes.Status409Conflict, "Changed by someone else", result.Reason?.English),
            _ => Problem(StatusCodes.Status400BadRequest, "Something is missing", result.Reason?.English),
        };
    }

    private static ProblemHttpResult NoSuchTip(Guid id) => Problem(StatusCodes.Status404NotFound, "No such tip", $"There is no tip {id}.");
}
