namespace Bulletin.Core.Stories;

/// <summary>
/// One block of the broadcast script. Text keeps its paragraphs, separated by a blank line ("\n\n").
/// Speaker and Title are set for soundbites and speaker turns; When holds the when-said note of a
/// soundbite as the page gave it ("Yesterday", "지난 9일").
/// </summary>
public sealed record ScriptSegment(
    SegmentKind Kind,
    string Text,
    string? Speaker = null,
    string? Title = null,
    string? When = null)
{
    public IEnumerable<string> Paragraphs =>
        Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
