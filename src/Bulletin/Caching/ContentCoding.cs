using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>Which coding a request gets a page in, from its Accept-Encoding (RFC 9110 §12.5.3), without allocating.</summary>
internal static class ContentCoding
{
    /// <param name="compressible">False for a page no coding makes smaller: it goes as it is.</param>
    public static Coding Choose(StringValues acceptEncoding, bool compressible)
    {
        if (acceptEncoding.Count == 0 || !compressible)
        {
            return Coding.Identity;
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
        if (brotli > 0 && brotli >= gzip)
        {
            return Coding.Brotli;
        }

        return gzip > 0 ? Coding.Gzip : Coding.Identity;
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
