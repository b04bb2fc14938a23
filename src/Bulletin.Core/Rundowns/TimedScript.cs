using Bulletin.Core.Stories;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// A story's script as the timing needs it: the content, and for each segment the length of its recording when
/// it has one (a soundbite, a reporter's package). A segment with a duration is media time; one without is read
/// aloud and timed at the presenter's rate.
/// </summary>
public sealed record TimedScript(StoryContent Content, IReadOnlyList<TimeSpan?> SegmentDurations)
{
    public TimedScript(StoryContent content)
        : this(content, [])
    {
    }

    public TimeSpan? DurationOf(int segment) => segment < SegmentDurations.Count ? SegmentDurations[segment] : null;
}
