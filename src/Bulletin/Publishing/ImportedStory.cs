using Bulletin.Core.Stories;

namespace Bulletin.Publishing;

/// <summary>
/// What became of one imported story: stored new, updated (killed included), or found unchanged. Story is null only
/// for a withdrawal of a story that was never imported: there is nothing to kill, and nothing is stored.
/// </summary>
public sealed record ImportedStory(Story? Story, bool Created, bool Changed)
{
    public bool Killed { get; init; }

    /// <summary>Something the import report should say about this story (an older version that changed nothing).</summary>
    public string? Note { get; init; }

    /// <summary>What the import report calls it: new, updated or unchanged.</summary>
    public string Outcome => Created ? "new" : Changed ? "updated" : "unchanged";
}
