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

    /// <summary>The media library item that leads the story (its photo at the top of the page, in feeds and cards).</summary>
    public Guid? LeadMediaId { get; init; }

    /// <summary>Every media item the story shows: its lead, then its photo segments', once each.</summary>
    public IReadOnlyList<Guid> MediaIds =>
        [.. new[] { LeadMediaId }.Concat(Segments.Select(s => s.MediaId)).OfType<Guid>().Distinct()];

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
        && LeadMediaId == other.LeadMediaId
        && PublishedAt == other.PublishedAt
        && UpdatedAt == other.UpdatedAt;

    public override int GetHashCode() => HashCode.Combine(Headline, Language, Segments.Count, PublishedAt);
}
