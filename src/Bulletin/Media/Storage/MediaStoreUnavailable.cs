using System.Globalization;
using Bulletin.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Bulletin.Media.Storage;

/// <summary>
/// A request whose media store could not be reached (see <see cref="MediaStoreUnavailableException"/>) is answered
/// 503 with Retry-After, a JSON problem for the APIs and a short page for people, and logged with the cause an
/// operator needs; without this it would be a 500. Nothing was stored, so the same request works once the store
/// is back. A caller may catch the exception first and answer in its own words.
/// </summary>
internal sealed partial class MediaStoreUnavailable(IOptions<HostingOptions> options, ILogger<MediaStoreUnavailable> logger) : IExceptionHandler
{
    public const string Title = "The media store cannot be reached";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not MediaStoreUnavailableException unavailable || context.Response.HasStarted)
        {
            return false;
        }

        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        Log.Unavailable(logger, context.Request.Method, path, unavailable.Message);
        var seconds = options.Value.RetryAfterSeconds;
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var detail = $"Photos and video are kept on a storage server that does not answer just now; nothing was saved. Try again in {seconds} seconds.";
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Title, detail: detail,
                    extensions: new Dictionary<string, object?> { ["fault"] = "media-store" })
                .ExecuteAsync(context);
            return true;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + $"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Title}</title></head>"
            + $"<body><main><h1>{Title}</h1><p id=\"why\">{detail}</p></main></body></html>\n",
            cancellationToken);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The media store could not take {Method} {Path}: {Cause}; answered 503")]
        public static partial void Unavailable(ILogger logger, string method, PathString path, string cause);
    }
}
