using Microsoft.Extensions.Primitives;

namespace Bulletin.Caching;

/// <summary>
/// One representation of a cached page: its bytes, its own strong ETag, its Content-Encoding (none for identity),
/// and whether these are the smallest bytes the cache will make of it (a copy made while a reader waited is not).
/// </summary>
internal sealed record PageVariant(byte[] Body, StringValues ETag, StringValues ContentEncoding, bool Best);
