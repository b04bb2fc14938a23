using Bulletin.Api.Newsroom;

namespace Bulletin.Staff;

/// <summary>
/// Keeps a read-only token to reading: on the staff API, anything but GET, HEAD and OPTIONS made with one is refused
/// with 403 before the endpoint runs, whatever the account's roles would allow.
/// </summary>
public static class ReadOnlyTokens
{
    public static TBuilder RefuseWritesWithReadOnlyTokens<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
            if (!reading && context.HttpContext.User.HasClaim(AccessTokenHandler.ScopeClaim, "read"))
            {
                return ApiRequests.Problem(StatusCodes.Status403Forbidden, "The token may only read",
                    "This access token was made to read only; make a token that may write for this call.");
            }

            return await next(context);
        });
}
