namespace Bulletin.Core.Tips;

/// <summary>
/// What happened to a tip and who did it, without any of its content. Kept after the tip itself is deleted, so
/// the desk can account for every tip it received.
/// </summary>
public sealed class TipAuditEntry
{
    private TipAuditEntry()
    {
        Action = "";
        Actor = "";
    }

    public TipAuditEntry(Guid tipId, string action, string actor, DateTimeOffset at)
    {
        TipId = tipId;
        Action = action;
        Actor = actor;
        At = at.ToUniversalTime();
    }

    public long Id { get; private set; }
    public Guid TipId { get; private set; }
    public string Action { get; private set; }

    /// <summary>A staff user name, or "tipster", "retention", a channel name.</summary>
    public string Actor { get; private set; }

    public DateTimeOffset At { get; private set; }
}
