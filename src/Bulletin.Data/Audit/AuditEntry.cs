namespace Bulletin.Data.Audit;

/// <summary>Who did what, when: one row per change made in the newsroom, never updated or deleted.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = "";
        Action = "";
        Subject = "";
    }

    public AuditEntry(Guid? actorId, string actor, string action, string subject, string? detail, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        ActorId = actorId;
        Actor = actor;
        Action = action;
        Subject = subject;
        Detail = detail;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }

    /// <summary>The e-mail (or "system", "cli") of whoever did it, kept as text so it outlives the account.</summary>
    public string Actor { get; private set; }

    public string Action { get; private set; }

    /// <summary>What it was done to: "story:{id}", "user:{email}", "section:{slug}".</summary>
    public string Subject { get; private set; }

    public string? Detail { get; private set; }
}
