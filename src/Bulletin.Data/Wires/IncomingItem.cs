namespace Bulletin.Data.Wires;

/// <summary>
/// One story as a wire delivered it, waiting for an editor: the story read (as JSON), where it came from and which
/// version it is. Source, identity and version together are unique, so a re-delivery or a second poll after a
/// restart adds nothing, while a newer version of the same story is an item of its own.
/// </summary>
public sealed class IncomingItem
{
    private IncomingItem()
    {
        // For EF Core.
        Source = "";
        Identity = "";
        Version = "";
        Format = "";
        Provenance = "";
        Headline = "";
        StoryJson = "";
    }

    public IncomingItem(Guid id, string source, string identity, string version, string format, DateTimeOffset receivedAt,
        string provenance, string headline, string storyJson, bool killed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        Id = id;
        Source = source;
        Identity = identity;
        Version = version ?? "";
        Format = format;
        ReceivedAt = receivedAt.ToUniversalTime();
        Provenance = provenance;
        Headline = headline;
        StoryJson = storyJson;
        Killed = killed;
        Status = IncomingStatus.New;
    }

    public Guid Id { get; private set; }

    /// <summary>The configured wire's name.</summary>
    public string Source { get; private set; }

    /// <summary>The story's id at the source (a guid, a uri, a feed entry's id), else a hash of what was read.</summary>
    public string Identity { get; private set; }

    /// <summary>The source's version; empty when it numbers none (a database's unique index treats nulls as all different).</summary>
    public string Version { get; private set; }

    public string Format { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The file or URL it was read from.</summary>
    public string Provenance { get; private set; }

    /// <summary>Kept apart from the JSON so the queue can be listed and searched without reading every story.</summary>
    public string Headline { get; private set; }

    public string StoryJson { get; private set; }

    /// <summary>The source withdrew the story with this item.</summary>
    public bool Killed { get; private set; }

    public IncomingStatus Status { get; private set; }

    /// <summary>The story made of it, once taken or published.</summary>
    public Guid? StoryId { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>Who took or set it aside; null for a trusted source's item published as it came.</summary>
    public string? SettledBy { get; private set; }

    /// <summary>An editor made the story; false when the item was settled already.</summary>
    public bool Take(Guid storyId, string? by, DateTimeOffset now) => Settle(IncomingStatus.Taken, storyId, by, now);

    /// <summary>A trusted source's item, stored as a published story when it arrived.</summary>
    public bool NotePublished(Guid storyId, DateTimeOffset now) => Settle(IncomingStatus.Published, storyId, null, now);

    public bool Discard(string? by, DateTimeOffset now) => Settle(IncomingStatus.Discarded, null, by, now);

    private bool Settle(IncomingStatus status, Guid? storyId, string? by, DateTimeOffset now)
    {
        if (Status != IncomingStatus.New)
        {
            return false;
        }

        Status = status;
        StoryId = storyId;
        SettledBy = by;
        SettledAt = now.ToUniversalTime();
        return true;
    }
}
