using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Bulletin.Feeds;

/// <summary>
/// Answers with a body that carries a strong ETag (a hash of the bytes) and, where known, Last-Modified. The result
/// itself answers 304 to a matching If-None-Match or a recent enough If-Modified-Since; the output cache does the
/// same for copies it keeps.
/// </summary>
public static class ConditionalGet
{
    public const string CacheControl = "public, max-age=300";

    public static IResult Bytes(HttpContext context, byte[] body, string contentType, DateTimeOffset? lastModified)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Bytes(body, contentType, lastModified: lastModified, entityTag: tag);
    }
}
