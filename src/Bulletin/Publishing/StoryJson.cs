using System.Text.Json.Serialization;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Publishing;

/// <summary>
/// A story as JSON: what `bulletin import --json` prints, and what the staff API takes and gives.
/// Times carry the site's offset (2024-10-16T09:08:00+09:00).
/// </summary>
public sealed record StoryJson
{
    [JsonPropertyName("id")] public Guid? Id { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("headline")] public required string Headline { get; init; }
    [JsonPropertyName("subheadlines")] public IReadOnlyList<string> Subheadlines { get; init; } = [];
    [JsonPropertyName("publishedAt")] public string? PublishedAt { get; init; }
    [JsonPropertyName("language")] public required string Language { get; init; }
    [JsonPropertyName("byline")] public IReadOnlyList<string> Byline { get; init; } = [];
    [JsonPropertyName("signOff")] public string? SignOff { get; init; }
    [JsonPropertyName("programme")] public ProgrammeJson? Programme { get; init; }
    [JsonPropertyName("transcriptDisclaimer")] public bool TranscriptDisclaimer { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    [JsonPropertyName("segments")] public IReadOnlyList<SegmentJson> Segments { get; init; } = [];

    /// <summary>The media library item that leads the story.</summary>
    [JsonPropertyName("leadMediaId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? LeadMediaId { get; init; }

    public static StoryJson From(StoryContent content, SiteClock clock, Story? stored = null) => new()
    {
        Id = stored?.Id,
        Url = stored is null ? null : StoryPaths.Story(stored),
        Headline = content.Headline,
        Subheadlines = content.Subheadlines,
        PublishedAt = (stored?.PublishedAt ?? content.PublishedAt) is { } at ? clock.Iso(at) : null,
        Language = content.Language.ToCode(),
        Byline = content.Bylines,
        SignOff = content.SignOff,
        Programme = content.Programme is { } p ? new ProgrammeJson(p.Host, p.Guests) : null,
        TranscriptDisclaimer = content.TranscriptDisclaimer,
        Tags = content.Tags,
        Segments = [.. content.Segments.Select(s => new SegmentJson(s.Kind.ToCode(), s.Speaker, s.Title, s.When, s.Text,
            s.Duration is { } d ? (int)d.TotalSeconds : null, s.MediaId))],
        LeadMediaId = content.LeadMediaId,
    };

    /// <summary>The longest recording a segment may say it has: three hours, longer than any show.</summary>
    public const int MaxRecordingSeconds = 3 * 60 * 60;

    /// <summary>The content this JSON describes; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public StoryContent ToContent()
    {
        // A headline of nothing but invisible characters is no headline: the story would keep none of it.
        if (Headline is null || Core.Text.InputText.CleanLine(Headline).Length == 0)
        {
            throw new FormatException("'headline' is required.");
        }

        var segments = new List<ScriptSegment>();
        foreach (var segment in Segments ?? [])
        {
            // JSON may send null where an object belongs; it is the client's mistake, not the server's.
            if (segment is null)
            {
                throw new FormatException("'segments' holds a null; each segment is an object with a 'kind'.");
            }

            if (!SegmentKinds.TryParse(segment.Kind, out var kind))
            {
                throw new FormatException($"'{segment.Kind}' is not a segment kind (anchor, reporter, speaker, soundbite, article, photo).");
            }

            if ((kind == SegmentKind.Photo) != (segment.MediaId is not null))
            {
                throw new FormatException(kind == SegmentKind.Photo
                    ? "A 'photo' segment names its media library item in 'mediaId'."
                    : "Only a 'photo' segment has a 'mediaId'.");
            }

            if (segment.Duration is < 0 or > MaxRecordingSeconds)
            {
                throw new FormatException($"A segment's 'duration' is the length of its recording in whole seconds, 0 to {MaxRecordingSeconds}.");
            }

            segments.Add(new ScriptSegment(kind, segment.Text ?? "", Blank(segment.Speaker), Blank(segment.Title), Blank(segment.When),
                segment.Duration is { } seconds ? TimeSpan.FromSeconds(seconds) : null, segment.MediaId));
        }

        return new StoryContent
        {
            Headline = Headline.Trim(),
            Subheadlines = [.. (Subheadlines ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
            Language = LanguageCodes.Parse(Language),
            Bylines = [.. (Byline ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
            Tags = [.. (Tags ?? []).Where(s => !string.IsNullOrWhiteSpace(s))],
            Segments = segments,
            SignOff = Blank(SignOff),
            Programme = Programme is { } p ? new Programme(Blank(p.Host), [.. (p.Guests ?? []).Where(g => !string.IsNullOrWhiteSpace(g))]) : null,
            TranscriptDisclaimer = TranscriptDisclaimer,
            LeadMediaId = LeadMediaId,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record ProgrammeJson(
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("guests")] IReadOnlyList<string> Guests);

public sealed record SegmentJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("speaker")] string? Speaker,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("when")] string? When,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("duration"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Duration = null,
    [property: JsonPropertyName("mediaId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? MediaId = null);
