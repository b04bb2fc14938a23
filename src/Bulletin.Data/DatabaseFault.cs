namespace Bulletin.Data;

/// <summary>Why the database could not take a request for now, when the cause passes by itself or by an operator's hand.</summary>
public enum DatabaseFault
{
    /// <summary>Another writer held the database past the busy timeout, or a lock could not be had.</summary>
    Busy,

    /// <summary>The disk (or the PostgreSQL server's) is full.</summary>
    Full,

    /// <summary>The server is starting, shutting down, restarting or cannot be reached.</summary>
    Unreachable,
}
