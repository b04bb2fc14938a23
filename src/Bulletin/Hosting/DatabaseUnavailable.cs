using System.Globalization;
using System.Net;
using Bulletin.Areas.Newsroom;
using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Bulletin.Hosting;

/// <summary>
/// Answers a request the database could not take for now (busy past its timeout, a full disk, a PostgreSQL server
/// restarting) with 503 and <c>Retry-After</c> instead of a 500: a JSON problem for the APIs, a page in the
/// reader's language for people. The transaction was rolled back, so nothing half-done stays behind, and the next
/// request after the cause passes succeeds with no one restarting anything.
/// </summary>
/// <remarks>
/// The page is written here, whole, rather than by a Razor page: the site's layout reads the database, which is
/// what is failing.
/// </remarks>
internal sealed partial class DatabaseUnavailable(IOptions<HostingOptions> options, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFaults.Classify(exception) is not { } fault || context.Response.HasStarted)
        {
            return false;
        }

        // By now the request's path is the error page's; the path asked for is kept in the feature.
        var path = new PathString(context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path);
        Log.Unavailable(logger, fault, context.Request.Method, path, exception.GetBaseException().Message);
        var seconds = options.Value.RetryAfterSeconds;
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: HostingText.UnavailableTitle.English,
                    detail: HostingText.Why(fault).English + " " + HostingText.NothingSavedTryAgain.Format(Language.English, seconds),
                    extensions: new Dictionary<string, object?> { ["fault"] = fault.ToString().ToLowerInvariant() })
                .ExecuteAsync(context);
            return true;
        }

        var language = LanguageOf(context, path);
        var title = WebUtility.HtmlEncode(HostingText.UnavailableTitle[language]);
        var why = WebUtility.HtmlEncode(HostingText.Why(fault)[language]);
        var again = WebUtility.HtmlEncode(HostingText.NothingSavedTryAgain.Format(language, seconds));
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html>\n<html lang=\"{(language == Language.English ? "en" : "ko")}\"><head><meta charset=\"utf-8\">"
            + $"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>"
            + $"<body><main><h1>{title}</h1><p id=\"why\">{why}</p><p id=\"again\">{again}</p></main></body></html>\n",
            cancellationToken);
        return true;
    }

    /// <summary>The newsroom's chosen language on its pages, the edition's on the public site.</summary>
    private static Language LanguageOf(HttpContext context, PathString path) =>
        path.StartsWithSegments("/newsroom", StringComparison.OrdinalIgnoreCase)
            ? context.RequestServices.GetRequiredService<NewsroomUi>().Language
            : PublicPages.EditionOf(path);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not take {Method} {Path} ({Fault}): {Cause}; answered 503")]
        public static partial void Unavailable(ILogger logger, DatabaseFault fault, string method, PathString path, string cause);
    }
}
