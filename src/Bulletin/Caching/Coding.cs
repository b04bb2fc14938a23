namespace Bulletin.Caching;

/// <summary>The content codings a cached page is sent in (RFC 9110 §8.4.1).</summary>
internal enum Coding
{
    Identity,
    Brotli,
    Gzip,
}
