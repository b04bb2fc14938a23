using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>One representation of a cached page: its bytes, its own strong ETag, and its Content-Encoding (none for identity).</summary>
internal sealed record PageVariant(byte[] Body, StringValues ETag, StringValues ContentEncoding);
