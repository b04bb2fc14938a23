using Bulletin.Media.Storage;

namespace Bulletin.Media;

/// <summary>
/// The public renditions, <c>/media/{id}/{name}</c>. A name is made once and never rewritten, so the answer may be
/// cached anywhere for a year. Only rendition names are routed here: the original's key has no public path at all.
/// </summary>
public static class MediaFiles
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(MediaPaths.PublicPrefix + "/{id:guid}/{name:regex(^(w[0-9]{{1,4}}|(16x9|4x3|1x1)-[0-9]{{1,4}}(-g[0-9]{{1,6}})?)\\.(webp|jpg)$)}", ServeAsync)
            .AllowAnonymous().WithName("MediaRendition").ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ServeAsync(Guid id, string name, IMediaStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var stored = await store.OpenAsync(MediaPaths.Key(id, name), cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = Immutable;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = stored.Length;
        return TypedResults.Stream(stored.Content, name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg");
    }
}
