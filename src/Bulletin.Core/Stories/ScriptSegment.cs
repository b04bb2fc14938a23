namespace Bulletin.Core.Stories;

/// <summary>
/// One block of the broadcast script. Text keeps its paragraphs, separated by a blank line ("\n\n").
/// Speaker and Title are set for soundbites and speaker turns; When holds the when-said note of a
/// soundbite as the page gave it ("Yesterday", "지난 9일"). Duration is the length of the segment's recording
/// when it has one (a soundbite, a reporter's package): the rundown counts it as media time, where a segment
/// without one is read aloud and timed at the presenter's rate. MediaId names the media library item of a photo
/// segment; its text, if any, is a caption for this story in place of the item's own.
/// </summary>
public sealed record ScriptSegment(
    SegmentKind Kind,
    string Text,
    string? Speaker = null,
    string? Title = null,
    string? When = null,
    TimeSpan? Duration = null,
    Guid? MediaId = null)
{
    /// <summary>What is read and printed; a photo's caption is shown with the photo, never read out, so it has none.</summary>
    public IEnumerable<string> Paragraphs =>
        Kind == SegmentKind.Photo ? [] : Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
