namespace Bulletin.Core.Stories;

/// <summary>
/// Everything an author (or an importer) says about a story, apart from where it stands in the workflow.
/// Importers return this; the host applies it to a <see cref="Story"/>.
/// </summary>
public sealed record StoryContent
{
    public required string Headline { get; init; }
    public IReadOnlyList<string> Subheadlines { get; init; } = [];
    public required Language Language { get; init; }
    public IReadOnlyList<string> Bylines { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<ScriptSegment> Segments { get; init; } = [];
    public string? SignOff { get; init; }
    public Programme? Programme { get; init; }
    public bool TranscriptDisclaimer { get; init; }

    /// <summary>When the story first went out, if the source says so.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the source last changed it, if it says so.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    public bool Equals(StoryContent? other) =>
        other is not null
        && Headline == other.Headline
        && Subheadlines.SequenceEqual(other.Subheadlines)
        && Language == other.Language
        && Bylines.SequenceEqual(other.Bylines)
        && Tags.SequenceEqual(other.Tags)
        && Segments.SequenceEqual(other.Segments)
        && SignOff == other.SignOff
        && Equals(Programme, other.Programme)
        && TranscriptDisclaimer == other.TranscriptDisclaimer
        && PublishedAt == other.PublishedAt
        && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() => HashCode.Combine(Headline, Language, Segments.Count, PublishedAt);
}
