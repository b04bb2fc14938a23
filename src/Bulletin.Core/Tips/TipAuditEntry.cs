namespace Bulletin.Core.Tips;

/// <summary>
/// What happened to a tip and who did it, without any of its content. Kept after the tip itself is deleted, so
/// the desk can account for every tip it received. Like the tip itself, it is dated to the day in the site's zone,
/// never to the minute: exact times would let anyone with the database match a tip to a phone's or a network's
/// log of who was where.
/// </summary>
public sealed class TipAuditEntry
{
    private TipAuditEntry()
    {
        Action = "";
        Actor = "";
    }

    public TipAuditEntry(Guid tipId, string action, string actor, DateOnly day)
    {
        TipId = tipId;
        Action = action;
        Actor = actor;
        Day = day;
    }

    public long Id { get; private set; }
    public Guid TipId { get; private set; }
    public string Action { get; private set; }

    /// <summary>A staff user name, or "tipster", "retention", a channel name.</summary>
    public string Actor { get; private set; }

    public DateOnly Day { get; private set; }
}
