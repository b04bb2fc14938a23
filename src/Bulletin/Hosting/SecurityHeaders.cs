namespace Bulletin.Hosting;

/// <summary>
/// Headers on every answer: a Content-Security-Policy without inline script or style (the pages link their
/// stylesheets and scripts as files), no framing, no content sniffing; and for the newsroom and the staff API,
/// nothing stored by the browser or any cache, since those pages show drafts, tips, one-time passwords and tokens.
/// A feature that sends stricter headers of its own (the tip pages) keeps them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The public site needs no script at all; story pages' JSON-LD is data, not script, and is not blocked.</summary>
    public const string PublicPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The newsroom runs its own scripts (autosave, read time), from its own address only.</summary>
    public const string StaffPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/newsroom", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/newsroom", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Decided on the address asked for (a re-executed error page answers for it), with a callback chosen, not made,
    /// per request: this runs before every cached page too.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(IsStaffPath(context.Request.Path) ? AddStaffHeaders : AddPublicHeaders, context);
            return next(context);
        });

    private static readonly Func<object, Task> AddPublicHeaders = state => Add(((HttpContext)state).Response.Headers, staff: false);
    private static readonly Func<object, Task> AddStaffHeaders = state => Add(((HttpContext)state).Response.Headers, staff: true);

    private static Task Add(IHeaderDictionary headers, bool staff)
    {
        headers.TryAdd("Content-Security-Policy", staff ? StaffPolicy : PublicPolicy);
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("Referrer-Policy", staff ? "no-referrer" : "strict-origin-when-cross-origin");
        if (staff)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            // The ETag stays: the staff API's If-Match saves rest on it.
        }

        return Task.CompletedTask;
    }
}
