using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>Which of a page's copies a request gets, from its Accept-Encoding (RFC 9110 §12.5.3), without allocating.</summary>
internal static class ContentCoding
{
    public static PageVariant Choose(CachedPage page, StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || (page.Brotli is null && page.Gzip is null))
        {
            return page.Identity;
        }

        double brotli = -1, gzip = -1, any = -1;
        foreach (var header in acceptEncoding)
        {
            var rest = (header ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = quality;
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = quality;
                }
                else if (name.SequenceEqual("*"))
                {
                    any = quality;
                }
            }
        }

        // A coding not named takes the wildcard's weight; q=0 means "not acceptable".
        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        if (page.Brotli is { } br && brotli > 0 && (brotli >= gzip || page.Gzip is null))
        {
            return br;
        }

        return page.Gzip is { } gz && gzip > 0 ? gz : page.Identity;
    }

    private static double Quality(ReadOnlySpan<char> parameters)
    {
        var trimmed = parameters.Trim();
        if (trimmed.Length > 2 && (trimmed[0] is 'q' or 'Q') && trimmed[1] == '='
            && double.TryParse(trimmed[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
        {
            return q;
        }

        return 1;
    }
}
