using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bulletin.Caching;

/// <summary>Whether a conditional GET or HEAD may be answered 304 Not Modified (RFC 9110 §13.1.2 and §13.1.3).</summary>
internal static class Preconditions
{
    public static bool NotModified(HttpRequest request, StringValues etag, CachedPage page)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return Matches(ifNoneMatch, etag.ToString());
        }

        // If-Modified-Since counts only without If-None-Match; feed readers send it.
        var ifModifiedSince = request.Headers.IfModifiedSince;
        return ifModifiedSince.Count > 0 && page.LastModified is { } modified
            && HeaderUtilities.TryParseDate(ifModifiedSince.ToString(), out var since)
            && modified <= since;
    }

    /// <summary>The weak comparison If-None-Match calls for: a CDN that weakened the tag (W/"...") still matches.</summary>
    private static bool Matches(StringValues ifNoneMatch, string tag)
    {
        foreach (var header in ifNoneMatch)
        {
            var rest = (header ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                if (item.StartsWith("W/", StringComparison.Ordinal))
                {
                    item = item[2..];
                }

                if (item.SequenceEqual("*") || item.SequenceEqual(tag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
