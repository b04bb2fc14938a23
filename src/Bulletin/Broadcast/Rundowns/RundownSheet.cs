using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>
/// A stored rundown with the stories its lines name, read from the stories themselves (never a copy), so that its
/// timing, its prompter text and what goes to MOS are always each story's script as saved now.
/// </summary>
public sealed record RundownSheet(Rundown Rundown, IReadOnlyDictionary<Guid, Story> Stories)
{
    /// <summary>Each story's working script, by story id: what the rundown times and the prompter reads.</summary>
    public IReadOnlyDictionary<Guid, StoryContent> Scripts { get; } = Stories.ToDictionary(s => s.Key, s => s.Value.Content);

    public RundownTiming Timing(DateTimeOffset? now = null) => Rundown.Timing(Scripts, now);
}
