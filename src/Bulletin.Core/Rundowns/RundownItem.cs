using Bulletin.Core.Timing;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// One line of the rundown. A story line names the story and never copies its text, so a script edited in the
/// story editor is what the rundown times and sends; breaks and live lines carry only a planned duration.
/// </summary>
public sealed class RundownItem
{
    internal readonly List<AttachedObject> ObjectList = [];

    private RundownItem()
    {
        // For EF Core.
        Slug = "";
        Page = "";
    }

    internal RundownItem(Guid id, RundownItemKind kind, Guid? storyId, string slug, string page, TimeSpan? plannedDuration)
    {
        Id = id;
        Kind = kind;
        StoryId = storyId;
        Slug = slug;
        Page = page;
        PlannedDuration = plannedDuration;
    }

    public Guid Id { get; private set; }
    public RundownItemKind Kind { get; private set; }
    public Guid? StoryId { get; private set; }
    public string Slug { get; internal set; }

    /// <summary>The page number on the floor (A1, A2, B1...), kept when the item moves until the producer renumbers.</summary>
    public string Page { get; internal set; }

    /// <summary>The producer's own duration; when set it stands instead of text time plus media time.</summary>
    public TimeSpan? PlannedDuration { get; internal set; }

    /// <summary>A floated item stays in the rundown but leaves the timing, the MOS running order and the prompter.</summary>
    public bool Floated { get; internal set; }

    /// <summary>A time the item must start on air (a live cross, a network join).</summary>
    public DateTimeOffset? HardStart { get; internal set; }

    public RundownItemState State { get; internal set; }

    /// <summary>The presenter's read rate for this item; the show's rate when null.</summary>
    public ReadTimeOptions? ReadRate { get; internal set; }

    /// <summary>When the item went on air (a Take); null until then.</summary>
    public DateTimeOffset? TakenAt { get; internal set; }

    /// <summary>How long it really ran, known once the next Take ends it.</summary>
    public TimeSpan? AiredDuration { get; internal set; }

    public bool HasAired => AiredDuration is not null;

    /// <summary>The studio objects attached to the line, in the order they go to the devices as its MOS items.</summary>
    public IReadOnlyList<AttachedObject> Objects => ObjectList;

    /// <summary>Who reads the line, when not the show's presenter; its read rate was taken from them when chosen.</summary>
    public string? Presenter { get; internal set; }
}
