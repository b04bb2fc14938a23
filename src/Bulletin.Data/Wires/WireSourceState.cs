namespace Bulletin.Data.Wires;

/// <summary>
/// What Bulletin remembers of one configured wire between polls and restarts: the validators for a conditional GET,
/// how its last polls went, and when to try it next (later after each failure in a row).
/// </summary>
public sealed class WireSourceState
{
    private WireSourceState()
    {
        // For EF Core.
        Name = "";
    }

    public WireSourceState(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; private set; }
    public string? ETag { get; private set; }
    public string? LastModified { get; private set; }
    public DateTimeOffset? LastPollAt { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// For a folder: the newest modification time of the files read so far, so that after a restart older files
    /// are not read again (files at that very time are, and the queue's unique key refuses them a second time).
    /// </summary>
    public DateTimeOffset? SeenUpTo { get; private set; }

    /// <summary>Items added by the last poll that found anything new.</summary>
    public int LastAdded { get; private set; }

    /// <summary>A node is polling the wire; no other node does before this time.</summary>
    public void Claim(DateTimeOffset until) => NextAttemptAt = until.ToUniversalTime();

    public void Succeeded(DateTimeOffset now, DateTimeOffset next, int added, string? etag, string? lastModified, DateTimeOffset? seenUpTo)
    {
        LastPollAt = LastSuccessAt = now.ToUniversalTime();
        NextAttemptAt = next.ToUniversalTime();
        ConsecutiveFailures = 0;
        LastError = null;
        if (added > 0)
        {
            LastAdded = added;
        }

        ETag = etag ?? ETag;
        LastModified = lastModified ?? LastModified;
        SeenUpTo = seenUpTo ?? SeenUpTo;
    }

    public void Failed(DateTimeOffset now, DateTimeOffset next, string error)
    {
        LastPollAt = now.ToUniversalTime();
        NextAttemptAt = next.ToUniversalTime();
        ConsecutiveFailures++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}
