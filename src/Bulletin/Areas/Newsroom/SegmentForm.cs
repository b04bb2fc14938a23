namespace Bulletin.Areas.Newsroom;

/// <summary>One script segment in the editor's form.</summary>
public sealed class SegmentForm
{
    public string Kind { get; set; } = "reporter";
    public string? Speaker { get; set; }
    public string? Title { get; set; }
    public string? When { get; set; }
    public string? Text { get; set; }

    /// <summary>The recording's length as typed ("1:30", "90"), for a soundbite or package; empty for a read line.</summary>
    public string? Duration { get; set; }

    /// <summary>The media library item of a photo segment.</summary>
    public Guid? MediaId { get; set; }
}
