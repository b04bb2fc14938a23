namespace Bulletin.Tips.Channels.Web;

/// <summary>
/// Headers on every tip page and answer: nothing cached or sent on as a referrer, no third-party content, no
/// framing, and the browser told that the page wants no camera, microphone or location.
/// </summary>
internal static class TipPrivacyHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'none'; object-src 'none'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The desk's pages use the newsroom layout's inline styles; nothing else is loosened.</summary>
    public const string DeskContentSecurityPolicy =
        "default-src 'self'; img-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; object-src 'none'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseTipPrivacyHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var isDesk = TipRoutes.IsDeskPath(context.Request.Path);
            if (isDesk || TipRoutes.IsTipPath(context.Request.Path))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                    headers.Remove("ETag");
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.ContentSecurityPolicy = isDesk ? DeskContentSecurityPolicy : ContentSecurityPolicy;
                    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                    headers.XFrameOptions = "DENY";
                    headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
}
