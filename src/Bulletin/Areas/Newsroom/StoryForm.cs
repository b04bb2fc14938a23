using System.Globalization;
using Bulletin.Core.Stories;
using Bulletin.Core.Text;
using Bulletin.Site;

namespace Bulletin.Areas.Newsroom;

/// <summary>The script editor's fields as the browser posts them; lists are one item a line or comma-separated.</summary>
public sealed class StoryForm
{
    public int Version { get; set; }
    public string Headline { get; set; } = "";
    public string? Subheadlines { get; set; }
    public string Language { get; set; } = "ko";
    public Guid? SectionId { get; set; }
    public string? Tags { get; set; }
    public string? Bylines { get; set; }
    public string? SignOff { get; set; }
    public List<SegmentForm> Segments { get; set; } = [];
    public string? ScheduleAt { get; set; }
    public string? CorrectionNote { get; set; }

    /// <summary>The lead photo's media library item, carried through the form so a save keeps it.</summary>
    public Guid? LeadMediaId { get; set; }

    public static StoryForm From(Story story) => new()
    {
        Version = story.Version,
        Headline = story.Headline,
        Subheadlines = string.Join('\n', story.Subheadlines),
        Language = story.Language.ToCode(),
        SectionId = story.SectionId,
        Tags = string.Join(", ", story.Tags),
        Bylines = string.Join(", ", story.Bylines),
        SignOff = story.SignOff,
        LeadMediaId = story.LeadMediaId,
        Segments = [.. story.Segments.Select(s => new SegmentForm
        {
            Kind = s.Kind.ToCode(),
            Speaker = s.Speaker,
            Title = s.Title,
            When = s.When,
            Text = s.Text,
            Duration = s.Duration is { } d ? RecordingLength.Format(d) : null,
            MediaId = s.MediaId,
        })],
    };

    /// <summary>The content the form describes, or why it cannot be one.</summary>
    public (StoryContent? Content, Phrase? Problem) ToContent(Story? existing)
    {
        // A headline of nothing but invisible characters is no headline: the story would keep none of it.
        if (Headline is null || InputText.CleanLine(Headline).Length == 0)
        {
            return (null, EditorText.TheStoryNeedsAHeadline);
        }

        var segments = new List<ScriptSegment>();
        foreach (var segment in Segments)
        {
            var kind = SegmentKinds.TryParse(segment.Kind, out var parsed) ? parsed : SegmentKind.Reporter;
            if (kind == SegmentKind.Photo)
            {
                // A photo is kept by its id whatever its caption; one without an id is no photo.
                if (segment.MediaId is { } mediaId)
                {
                    segments.Add(new ScriptSegment(kind, Normalise(segment.Text), MediaId: mediaId));
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(segment.Text) && string.IsNullOrWhiteSpace(segment.Speaker))
            {
                continue;
            }

            TimeSpan? duration = null;
            if (!string.IsNullOrWhiteSpace(segment.Duration))
            {
                if (RecordingLength.Parse(segment.Duration) is not { } length)
                {
                    return (null, EditorText.RecordingLengthNotATime);
                }

                duration = length;
            }

            segments.Add(new ScriptSegment(kind, Normalise(segment.Text), Blank(segment.Speaker), Blank(segment.Title), Blank(segment.When), duration));
        }

        return (new StoryContent
        {
            Headline = Headline.Trim(),
            Subheadlines = Lines(Subheadlines),
            Language = LanguageCodes.TryParse(Language, out var language) ? language : Core.Stories.Language.Korean,
            Bylines = List(Bylines),
            Tags = List(Tags),
            Segments = segments,
            SignOff = Blank(SignOff),
            Programme = existing?.Programme,
            TranscriptDisclaimer = existing?.TranscriptDisclaimer ?? false,
            LeadMediaId = LeadMediaId,
        }, null);
    }

    public DateTimeOffset? ScheduleInstant(SiteClock clock) => clock.ParseLocal(ScheduleAt);

    private static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? value) =>
        [.. (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<string> List(string? value) =>
        [.. (value ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
