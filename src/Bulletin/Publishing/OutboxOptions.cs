namespace Bulletin.Publishing;

/// <summary>The "Outbox" configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// How many days outbox rows are kept. Every autosave writes one, so without an end the table only grows. A node
    /// stopped for longer than this has lost rows it needed, and rebuilds its search index when it starts.
    /// </summary>
    public int RetentionDays { get; set; } = 7;
}
