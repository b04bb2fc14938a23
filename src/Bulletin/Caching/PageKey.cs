namespace Bulletin.Caching;

/// <summary>
/// A page's address as the cache knows it: scheme, host, path and the query parameters pages vary by (each value
/// length-prefixed, so no value can pose as another parameter). Written into the caller's buffer, so that a cache
/// hit allocates no key.
/// </summary>
internal static class PageKey
{
    /// <summary>Longer addresses are not cached.</summary>
    public const int MaxLength = 2048;

    /// <returns>The characters written, or -1 when the address does not fit.</returns>
    public static int Write(Span<char> destination, HttpRequest request, IReadOnlyList<string> varyByQuery)
    {
        var writer = new Writer(destination);
        writer.Append(request.Scheme);
        writer.Append("://");
        writer.Append(request.Host.Value);
        writer.Append(request.PathBase.Value);
        writer.Append(request.Path.Value);
        if (request.QueryString.HasValue && varyByQuery.Count > 0)
        {
            var query = request.Query;
            foreach (var name in varyByQuery)
            {
                if (!query.TryGetValue(name, out var values))
                {
                    continue;
                }

                writer.Append("?");
                writer.Append(name);
                foreach (var value in values)
                {
                    writer.Append("=");
                    writer.Append((value ?? "").Length);
                    writer.Append(":");
                    writer.Append(value);
                }
            }
        }

        return writer.Written;
    }

    private ref struct Writer(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;
        private int _position;

        public readonly int Written => _position;

        public void Append(ReadOnlySpan<char> text)
        {
            if (_position < 0)
            {
                return;
            }

            if (text.TryCopyTo(_destination[_position..]))
            {
                _position += text.Length;
            }
            else
            {
                _position = -1;
            }
        }

        public void Append(int number)
        {
            if (_position >= 0 && number.TryFormat(_destination[_position..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture))
            {
                _position += written;
            }
            else
            {
                _position = -1;
            }
        }
    }
}
