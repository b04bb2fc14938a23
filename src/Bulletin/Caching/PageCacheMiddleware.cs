using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>
/// The first thing every request meets. A GET or HEAD for a page in the cache is answered from its final bytes
/// before routing, authentication or anything else runs; any other request goes on, and a cacheable page it
/// renders is kept and sent the same way, compressed only in the coding its reader asked for.
/// </summary>
internal sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, PageRecompressor recompressor, TimeProvider time,
    IOptions<PageCacheOptions> options, EndpointDataSource endpoints)
{
    private static readonly StringValues VaryAcceptEncoding = new("Accept-Encoding");

    /// <summary>Bodies up to this size are handed to the server whole; bigger ones are written with back-pressure.</summary>
    private const int CopyWithoutFlush = 256 * 1024;
    private IReadOnlyList<string>? _varyByQuery;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            return next(context);
        }

        var varyByQuery = _varyByQuery ??= VaryByQuery(endpoints);
        // Most addresses fit on the stack; stackalloc clears what it takes, so it takes little.
        Span<char> buffer = stackalloc char[256];
        var length = PageKey.Write(buffer, request, varyByQuery);
        if (length < 0)
        {
            buffer = new char[PageKey.MaxLength];
            length = PageKey.Write(buffer, request, varyByQuery);
            if (length < 0)
            {
                return next(context);
            }
        }

        var key = buffer[..length];
        if (cache.TryGet(key, time.GetTimestamp(), out var page))
        {
            return ServeAsync(context, page, isHead);
        }

        return RenderAsync(context, key.ToString(), isHead);
    }

    private async Task RenderAsync(HttpContext context, string key, bool isHead)
    {
        var generation = cache.Generation;
        var request = context.Request;
        var response = context.Response;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var capture = new PageCapture(context, body, discard: isHead);
        var feature = new PageCacheFeature();
        // The page is rendered whole whatever this client holds; the cache then answers its conditions.
        var ifNoneMatch = request.Headers.IfNoneMatch;
        var ifModifiedSince = request.Headers.IfModifiedSince;
        request.Headers.IfNoneMatch = StringValues.Empty;
        request.Headers.IfModifiedSince = StringValues.Empty;
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        context.Features.Set(feature);
        if (isHead)
        {
            // Rendered as a GET so that the copy kept has its body (Kestrel still sends none to a HEAD).
            request.Method = HttpMethods.Get;
        }

        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Features.Set<PageCacheFeature>(null);
            request.Headers.IfNoneMatch = ifNoneMatch;
            request.Headers.IfModifiedSince = ifModifiedSince;
            if (isHead)
            {
                request.Method = HttpMethods.Head;
            }
        }

        if (!capture.Capturing)
        {
            return;
        }

        var bytes = capture.Captured!;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie")
            || bytes.Length > options.Value.MaxPageBytes)
        {
            // Not the same for every reader (an error, a cookie) or too big to keep: sent as rendered.
            if (!isHead)
            {
                bytes.Position = 0;
                await bytes.CopyToAsync(body.Stream, context.RequestAborted);
            }

            return;
        }

        var now = time.GetTimestamp();
        var page = CachedPage.Build(key, bytes.ToArray(), response.Headers, [PageCache.AllPagesTag, .. feature.Tags], options.Value, now, time);
        cache.TryStore(key, page, generation);
        await ServeAsync(context, page, isHead);
    }

    private Task ServeAsync(HttpContext context, CachedPage page, bool isHead)
    {
        var response = context.Response;
        var headers = response.Headers;
        var coding = ContentCoding.Choose(context.Request.Headers.AcceptEncoding, page.Compressible);
        var etag = page.ETag(coding);
        headers.ETag = etag;
        headers.CacheControl = page.CacheControl;
        headers.Vary = VaryAcceptEncoding;
        if (page.LastModified is not null)
        {
            headers.LastModified = page.LastModifiedText;
        }

        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        if (Preconditions.NotModified(context.Request, etag, page))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentLength = null;
            return Task.CompletedTask;
        }

        var held = page.Copy(coding);
        var variant = held ?? cache.CopyOf(page, coding);
        if (variant.ETag != etag)
        {
            // No coding makes this page smaller (found just now): it goes as it is, under its own tag.
            headers.ETag = variant.ETag;
        }
        else if (held is { Best: false })
        {
            // Asked for again in this coding: worth its smallest copy, made off the request.
            recompressor.Offer(page, coding);
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = page.ContentType;
        if (variant.ContentEncoding.Count > 0)
        {
            headers.ContentEncoding = variant.ContentEncoding;
        }

        headers.ContentLength = variant.Body.Length;
        if (isHead)
        {
            return Task.CompletedTask;
        }

        // Headers first, so that the body goes straight into the server's output (written before them, Kestrel would
        // hold it aside and copy it behind them); the whole answer is sent in one write when the request ends.
        var started = response.StartAsync();
        if (!started.IsCompletedSuccessfully || variant.Body.Length > CopyWithoutFlush)
        {
            return WriteAsync(started, response, variant.Body);
        }

        response.BodyWriter.Write(variant.Body);
        return Task.CompletedTask;
    }

    private static async Task WriteAsync(Task started, HttpResponse response, byte[] body)
    {
        await started;
        await response.Body.WriteAsync(body);
    }

    /// <summary>Every query parameter some cached page varies by; the key carries only these.</summary>
    private static string[] VaryByQuery(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints
            .SelectMany(e => e.Metadata.GetMetadata<CachedPageAttribute>()?.VaryByQuery ?? [])
            .Select(name => name.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
