using System.Globalization;
using Bulletin.Core.Media;
using Bulletin.Media;
using Bulletin.Newsroom;
using Bulletin.Site;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

using static Bulletin.Api.Newsroom.ApiRequests;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// The staff API for the media library, <c>/api/newsroom/media</c>: upload (multipart <c>file</c> with
/// <c>caption</c>, <c>credit</c>, <c>alt</c>, <c>rights</c>, <c>source</c>, <c>focusX</c>, <c>focusY</c>), read, list
/// and search newest first, and save the fields with If-Match as stories are saved. Open to the roles that write
/// stories (403 for other staff).
/// </summary>
public static class MediaApi
{
    public const int DefaultPageSize = 50;

    /// <summary>Room for the multipart boundaries and the text fields beside the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        var media = api.MapGroup("/media").AddEndpointFilter(async (context, next) =>
            MediaLibrary.MayWork(StaffActor.From(context.HttpContext.User).Roles)
                ? await next(context)
                : Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only reporters and editors add and describe media."));
        media.MapPost("/", UploadAsync).WithName("UploadMedia").DisableAntiforgery();
        media.MapGet("/", ListAsync).WithName("ListMedia");
        media.MapGet("/{id:guid}", GetAsync).WithName("GetMedia");
        media.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateMedia");
        return media;
    }

    public static async Task<Results<Created<MediaResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext context, MediaLibrary library, SiteClock clock, IOptions<MediaLibraryOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var tooLarge = Problem(StatusCodes.Status413PayloadTooLarge, "The file is too large", MediaLibraryOptions.Describe(limit));
        if (context.Request.ContentLength > limit + FormOverhead)
        {
            return tooLarge;
        }

        if (!context.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send a form",
                "Upload as multipart/form-data with the photo in 'file' and 'caption', 'credit' and 'alt' beside it.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + FormOverhead;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + FormOverhead }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (InvalidDataException e)
        {
            return e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? tooLarge
                : Problem(StatusCodes.Status400BadRequest, "The form could not be read", e.Message);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(StatusCodes.Status400BadRequest, "No file", "Send the photo as the form field 'file'.");
        }

        var (fields, refusal) = MediaFields.Check(form["caption"], form["credit"], form["alt"], form["rights"], form["source"]);
        if (fields is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The fields are not valid", refusal);
        }

        var focus = FocalPoint.Centre;
        if (!string.IsNullOrEmpty(form["focusX"]) || !string.IsNullOrEmpty(form["focusY"]))
        {
            if (!double.TryParse(form["focusX"], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(form["focusY"], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || FocalPoint.Of(x, y) is not { } given)
            {
                return Problem(StatusCodes.Status400BadRequest, "Not a focal point", "focusX and focusY are both fractions from 0 to 1.");
            }

            focus = given;
        }

        await using var content = file.OpenReadStream();
        var upload = await library.UploadAsync(content, fields, focus, StaffActor.From(context.User), cancellationToken);
        if (upload.Item is not { } item)
        {
            return Problem(upload.Status, upload.Title!, upload.Refusal);
        }

        SetETag(context, item.Version);
        return TypedResults.Created($"/api/newsroom/media/{item.Id}", MediaResponse.From(item, clock));
    }

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, MediaLibrary library, SiteClock clock, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item)
        {
            return NoSuchItem(id);
        }

        SetETag(context, item.Version);
        return TypedResults.Ok(MediaResponse.From(item, clock));
    }

    public static async Task<Results<Ok<MediaListResponse>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? q, [FromQuery] Guid? before, [FromQuery] int? size, MediaLibrary library, SiteClock clock, CancellationToken cancellationToken)
    {
        (DateTimeOffset, Guid)? after = null;
        if (before is { } last)
        {
            if (await library.FindAsync(last, cancellationToken) is not { } item)
            {
                return Problem(StatusCodes.Status400BadRequest, "No such item", "'before' is an item's id, as 'next' gives it.");
            }

            after = (item.UploadedAt, item.Id);
        }

        var count = Math.Clamp(size ?? DefaultPageSize, 1, MediaLibrary.MaxPageSize);
        var items = await library.ListAsync(q, after, count, cancellationToken);
        var next = items.Count == count ? items[^1].Id.ToString() : null;
        return TypedResults.Ok(new MediaListResponse([.. items.Select(i => MediaResponse.From(i, clock))], next));
    }

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, MediaUpdateRequest body, HttpContext context, MediaLibrary library, SiteClock clock,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (StoriesApi.ParseVersion(ifMatch) is not { } basedOn)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send the ETag you read with GET as If-Match, so a save never overwrites a change you have not seen.");
        }

        var (fields, refusal) = MediaFields.Check(body.Caption, body.Credit, body.Alt, body.Rights, body.Source);
        if (fields is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The fields are not valid", refusal);
        }

        FocalPoint? focus = null;
        if (body.FocalPoint is { } point && (focus = FocalPoint.Of(point.X, point.Y)) is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a focal point", "focalPoint's x and y are fractions from 0 to 1.");
        }

        var saved = await library.SaveAsync(id, basedOn, fields, focus, StaffActor.From(context.User), cancellationToken);
        switch (saved.Outcome)
        {
            case MediaSaveOutcome.NotFound:
                return NoSuchItem(id);
            case MediaSaveOutcome.Stale:
                return TypedResults.Problem(
                    detail: saved.Refusal,
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Edit conflict",
                    extensions: new Dictionary<string, object?>
                    {
                        ["currentVersion"] = saved.Current?.Version,
                        ["current"] = saved.Current is { } current ? MediaResponse.From(current, clock) : null,
                        ["yours"] = body,
                        ["yoursBasedOn"] = basedOn,
                    });
            case MediaSaveOutcome.Failed:
                return Problem(StatusCodes.Status503ServiceUnavailable, "Not saved", saved.Refusal);
        }

        SetETag(context, saved.Current!.Version);
        return TypedResults.Ok(MediaResponse.From(saved.Current, clock));
    }

    private static void SetETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static ProblemHttpResult NoSuchItem(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "No such item", $"There is no media item {id}.");
}
