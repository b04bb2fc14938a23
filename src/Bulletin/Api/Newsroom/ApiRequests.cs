using Microsoft.AspNetCore.Http.HttpResults;

namespace Bulletin.Api.Newsroom;

/// <summary>What the staff API's handlers share: problem answers and action bodies that may be left out.</summary>
internal static class ApiRequests
{
    public static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>
    /// Reads an optional JSON body: none sent gives a null body; one that is not JSON gives a 400 problem.
    /// </summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadOptionalJsonAsync<T>(HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        if (context.Request.ContentLength is not > 0 && context.Request.Headers.TransferEncoding.Count == 0)
        {
            return (null, null);
        }

        try
        {
            return (await context.Request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (System.Text.Json.JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON", e.Message));
        }
    }
}
