using System.Text;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// Renders a story as the channel's page text, in a form <see cref="BroadcastPageReader"/> reads back to the same
/// story. Site furniture (tip box, lists) is left out: it belongs to the site, not to the story.
/// </summary>
public static class BroadcastPageWriter
{
    /// <exception cref="ArgumentException">The story has no time: a page without one would not read back.</exception>
    public static string Write(StoryContent story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.PublishedAt is null && story.UpdatedAt is null)
        {
            throw new ArgumentException("A broadcast page carries the story's time; give the story a PublishedAt or UpdatedAt.", nameof(story));
        }

        var korean = story.Language == Language.Korean;
        var page = new StringBuilder(256 + (story.Segments.Count * 256));
        page.Append(story.Headline).Append("\n\n");
        foreach (var subheadline in story.Subheadlines)
        {
            page.Append(subheadline).Append('\n');
        }

        if (story.Subheadlines.Count > 0)
        {
            page.Append('\n');
        }

        WriteTimes(page, story, korean);
        WriteHeader(page, story, korean);
        WriteSegments(page, story.Segments, korean);

        if (story.SignOff is not null)
        {
            page.Append(story.SignOff).Append("\n\n");
        }

        if (story.Tags.Count > 0)
        {
            foreach (var tag in story.Tags)
            {
                page.Append('#').Append(tag).Append(' ');
            }

            page.Length--;
            page.Append('\n');
        }

        return page.ToString();
    }

    private static void WriteTimes(StringBuilder page, StoryContent story, bool korean)
    {
        if (story.PublishedAt is { } published)
        {
            if (story.UpdatedAt is not null)
            {
                page.Append(PageTime.PublishedLabel(korean)).Append(' ');
            }

            page.Append(PageTime.Format(published, korean)).Append('\n');
        }

        if (story.UpdatedAt is { } updated)
        {
            page.Append(PageTime.UpdatedLabel(korean)).Append(' ').Append(PageTime.Format(updated, korean)).Append('\n');
        }
    }

    private static void WriteHeader(StringBuilder page, StoryContent story, bool korean)
    {
        // The reader takes bylines from the anchor intro and sign-off; only when those would not give the story's
        // own bylines does the page need a byline line of its own.
        if (!PageBylines.Derive(story.Segments, story.SignOff).SequenceEqual(story.Bylines))
        {
            page.Append(PageBylines.LineLabel(korean)).AppendJoin(", ", story.Bylines).Append('\n');
        }

        if (story.Programme is { } programme)
        {
            if (!string.IsNullOrWhiteSpace(programme.Host))
            {
                page.Append(korean ? "■ 진행 : " : "■ Host: ").Append(programme.Host).Append('\n');
            }

            if (programme.Guests.Count > 0)
            {
                page.Append(korean ? "■ 출연 : " : "■ Starring: ").AppendJoin(", ", programme.Guests).Append('\n');
            }
        }

        if (story.TranscriptDisclaimer)
        {
            page.Append('\n').Append(korean ? PageFurniture.KoreanDisclaimer : PageFurniture.EnglishDisclaimer).Append('\n');
        }

        page.Append('\n');
    }

    private static void WriteSegments(StringBuilder page, IReadOnlyList<ScriptSegment> script, bool korean)
    {
        // The broadcast page is the script's text: photos between segments have no place in it.
        var segments = script.Where(s => s.Kind != SegmentKind.Photo).ToList();
        // After a soundbite the page goes on without a marker when whoever spoke before it carries on.
        ScriptSegment? context = null;
        var afterSoundbite = false;
        var onlyReporter = segments is [{ Kind: SegmentKind.Reporter, Speaker: null, Title: null, When: null }];
        foreach (var segment in segments)
        {
            if (segment.Kind == SegmentKind.Soundbite)
            {
                page.Append('[');
                AppendSpeaker(page, segment);
                page.Append(korean ? " : " : ": ").Append(segment.Text).Append("]\n\n");
                afterSoundbite = true;
                continue;
            }

            var carriesOn = afterSoundbite && SameVoice(segment, context);
            if (!carriesOn && !onlyReporter)
            {
                switch (segment.Kind)
                {
                    case SegmentKind.Anchor:
                        page.Append(ScriptLine.AnchorMarker(korean));
                        break;
                    case SegmentKind.Reporter:
                        page.Append(ScriptLine.ReporterMarker(korean));
                        break;
                    default:
                        page.Append('[');
                        AppendSpeaker(page, segment);
                        page.Append(']');
                        break;
                }

                page.Append('\n');
            }

            page.Append(segment.Text).Append("\n\n");
            context = segment;
            afterSoundbite = false;
        }
    }

    private static bool SameVoice(ScriptSegment segment, ScriptSegment? context) =>
        context is null
            ? segment is { Kind: SegmentKind.Reporter, Speaker: null, Title: null, When: null }
            : segment.Kind == context.Kind && segment.Speaker == context.Speaker && segment.Title == context.Title && segment.When == context.When;

    private static void AppendSpeaker(StringBuilder page, ScriptSegment segment)
    {
        page.Append(segment.Speaker);
        if (segment.Title is not null)
        {
            page.Append(" / ").Append(segment.Title);
        }

        if (segment.When is not null)
        {
            page.Append(" (").Append(segment.When).Append(')');
        }
    }
}
