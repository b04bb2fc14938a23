namespace Bulletin.Media.Storage;

/// <summary>
/// The media store could not do what was asked for now: its server cannot be reached or timed out, refuses the
/// configured keys, or has no such bucket. Nothing was written (a put is whole or nothing), so a caller answers
/// 503 with Retry-After rather than a 500, and the same request works once the store is back. The message names
/// the store and the cause in words an operator can act on; it holds no key or secret.
/// </summary>
/// <remarks>
/// A file that is simply not there is not this: <see cref="IMediaStore.OpenAsync"/> answers null. A caller's own
/// stream failing during a put (a client that went away) is not this either: that exception passes unchanged.
/// </remarks>
public sealed class MediaStoreUnavailableException : Exception
{
    public MediaStoreUnavailableException()
    {
    }

    public MediaStoreUnavailableException(string message)
        : base(message)
    {
    }

    public MediaStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
