using System.Globalization;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Hosting;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Bulletin.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using static Bulletin.Api.Newsroom.ApiRequests;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// The staff API for stories: <c>/api/newsroom/stories</c>. The group carries token authentication once; the
/// workflow table decides what each role may do. Errors are RFC 9457 problem details.
/// </summary>
public static class StoriesApi
{
    public static RouteGroupBuilder MapNewsroomApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/newsroom")
            .RequireAuthorization(StaffAccounts.ApiPolicy)
            .RefuseWritesWithReadOnlyTokens()
            .WithTags("newsroom");
        var stories = api.MapGroup("/stories");
        stories.MapPost("/", CreateAsync).WithName("CreateStory");
        stories.MapGet("/{id:guid}", GetAsync).WithName("GetStory");
        stories.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateStory");
        stories.MapGet("/{id:guid}/revisions", RevisionsAsync).WithName("ListRevisions");
        stories.MapPost("/{id:guid}/{action}", PerformAsync).WithName("TakeStoryAction");
        api.MapGet("/search", StaffSearchApi.SearchAsync).WithName("SearchStories");
        api.MapTipsApi();
        api.MapRundownsApi();
        api.MapIncomingApi();
        api.MapMediaApi();
        return api;
    }

    public static async Task<Results<Created<StoryResponse>, ProblemHttpResult>> CreateAsync(
        StoryJson body, HttpContext context, NewsroomStories stories, SiteClock clock, CancellationToken cancellationToken)
    {
        Core.Stories.StoryContent content;
        try
        {
            content = body.ToContent();
        }
        catch (FormatException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The story is not valid", e.Message);
        }

        // The story table says who may start one; a refusal comes back as a result, not an exception.
        var result = await stories.CreateAsync(content, null, StaffActor.From(context.User), cancellationToken);
        if (result.Current is not { } story)
        {
            return Failure(result, Guid.Empty);
        }

        SetETag(context, story.Version);
        return TypedResults.Created($"/api/newsroom/stories/{story.Id}", StoryResponse.From(story, clock));
    }

    public static async Task<Results<Ok<StoryResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, NewsroomStories stories, SiteClock clock, CancellationToken cancellationToken)
    {
        var story = await stories.FindAsync(id, cancellationToken);
        if (story is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such story", $"There is no story {id}.");
        }

        SetETag(context, story.Version);
        return TypedResults.Ok(StoryResponse.From(story, clock));
    }

    public static async Task<Results<Ok<StoryResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, StoryJson body, HttpContext context, NewsroomStories stories, SiteClock clock,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        if (ParseVersion(ifMatch) is not { } basedOn)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send the ETag you read with GET as If-Match, so a save never overwrites a change you have not seen.");
        }

        Core.Stories.StoryContent content;
        try
        {
            content = body.ToContent();
        }
        catch (FormatException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "The story is not valid", e.Message);
        }

        var existing = await stories.FindAsync(id, cancellationToken);
        var result = await stories.SaveAsync(id, basedOn, content, existing?.SectionId, StaffActor.From(context.User), cancellationToken);
        if (result.Outcome == WorkflowOutcome.Stale)
        {
            return TypedResults.Problem(
                detail: result.Message?.English,
                statusCode: StatusCodes.Status409Conflict,
                title: "Edit conflict",
                extensions: new Dictionary<string, object?>
                {
                    ["currentVersion"] = result.Current!.Version,
                    ["current"] = StoryResponse.From(result.Current, clock),
                    ["yours"] = body,
                    ["yoursBasedOn"] = basedOn,
                });
        }

        if (!result.Succeeded)
        {
            return Failure(result, id);
        }

        SetETag(context, result.Current!.Version);
        return TypedResults.Ok(StoryResponse.From(result.Current, clock));
    }

    public static async Task<Results<Ok<StoryResponse>, ProblemHttpResult>> PerformAsync(
        Guid id, string action, HttpContext context, NewsroomStories stories, SiteClock clock, CancellationToken cancellationToken)
    {
        if (!StoryActions.TryParse(action, out var parsed) || !StoryActions.OnTheActionRoute.Contains(parsed))
        {
            return Problem(StatusCodes.Status404NotFound, "No such action",
                "Actions are: submit, approve, schedule, publish, correct, unpublish, kill.");
        }

        var (body, invalid) = await ApiRequests.ReadOptionalJsonAsync<StoryActionRequest>(context, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (parsed == StoryAction.Schedule && body?.At is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "A time is needed", "Schedule takes {\"at\": \"2024-10-16T09:00:00+09:00\"}.");
        }

        var result = await stories.PerformAsync(id, parsed, StaffActor.From(context.User), cancellationToken,
            basedOn: body?.Version ?? ParseVersion(context.Request.Headers.IfMatch.ToString()), at: body?.At, note: body?.Note);
        if (!result.Succeeded)
        {
            return Failure(result, id);
        }

        SetETag(context, result.Current!.Version);
        return TypedResults.Ok(StoryResponse.From(result.Current, clock));
    }

    public static async Task<Results<Ok<List<RevisionResponse>>, ProblemHttpResult>> RevisionsAsync(
        Guid id, NewsroomStories stories, SiteClock clock, CancellationToken cancellationToken)
    {
        if (await stories.FindAsync(id, cancellationToken) is null)
        {
            return Problem(StatusCodes.Status404NotFound, "No such story", $"There is no story {id}.");
        }

        var revisions = await stories.RevisionsAsync(id, cancellationToken);
        return TypedResults.Ok(revisions.Select(r => new RevisionResponse(r.Id, r.Version, r.Action,
            r.Status.ToCode(), r.AuthorName, clock.Iso(r.At), StoryJson.From(r.Content, clock))).ToList());
    }

    private static ProblemHttpResult Failure(StoryChange result, Guid id) => result.Outcome switch
    {
        WorkflowOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "No such story", $"There is no story {id}."),
        WorkflowOutcome.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Message?.English),
        WorkflowOutcome.NotAllowedNow => Problem(StatusCodes.Status409Conflict, "Not in this state", result.Message?.English),
        WorkflowOutcome.Stale => Problem(StatusCodes.Status409Conflict, "Edit conflict", result.Message?.English),
        _ => Problem(StatusCodes.Status400BadRequest, "Not possible", result.Message?.English),
    };


    private static void SetETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads a version from an ETag as this API writes it ("7"), weak or not.</summary>
    public static int? ParseVersion(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }

        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
