namespace Bulletin.Areas.Newsroom;

/// <summary>One script segment in the editor's form.</summary>
public sealed class SegmentForm
{
    public string Kind { get; set; } = "reporter";
    public string? Speaker { get; set; }
    public string? Title { get; set; }
    public string? When { get; set; }
    public string? Text { get; set; }
}
