namespace Bulletin.Core.Rundowns;

/// <summary>What a line of the rundown is.</summary>
public enum RundownItemKind
{
    /// <summary>A story from the newsroom: its text is the story's script, timed from it.</summary>
    Story,

    /// <summary>A commercial break or promo: timed only by its planned duration.</summary>
    Break,

    /// <summary>A live shot or cross: timed only by its planned duration.</summary>
    Live,

    /// <summary>Anything else on the floor (open, close, weather hand-over).</summary>
    Other,
}
