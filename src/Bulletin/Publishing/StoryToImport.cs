using Bulletin.Core.Stories;

namespace Bulletin.Publishing;

/// <summary>
/// A story read from outside, with the source and id that make a second import update it, the source's version of
/// it (a later one replaces it, the same one changes nothing), whether the source withdrew it, whether it must stay
/// a draft (the source never published it, or it has no time), and the source's section by name.
/// </summary>
public sealed record StoryToImport(string Source, string ExternalId, StoryContent Content)
{
    public string? Version { get; init; }
    public bool Killed { get; init; }
    public bool Draft { get; init; }
    public string? SectionName { get; init; }
}
