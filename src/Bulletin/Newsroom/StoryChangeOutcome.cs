namespace Bulletin.Newsroom;

/// <summary>How a save or an action came out.</summary>
public enum StoryChangeOutcome
{
    Done,
    NotFound,

    /// <summary>The actor's roles never allow it (403).</summary>
    Forbidden,

    /// <summary>The story's state does not allow it now (409); Message says why.</summary>
    NotAllowedNow,

    /// <summary>The change was based on an older version (409); Current holds what is saved.</summary>
    Stale,

    Invalid,
}
