namespace Bulletin.Core.Stories;

/// <summary>The lower-case names used in JSON and the API.</summary>
public static class SegmentKinds
{
    public static string ToCode(this SegmentKind kind) => kind switch
    {
        SegmentKind.Anchor => "anchor",
        SegmentKind.Reporter => "reporter",
        SegmentKind.Speaker => "speaker",
        SegmentKind.Soundbite => "soundbite",
        SegmentKind.Article => "article",
        SegmentKind.Photo => "photo",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown segment kind."),
    };

    public static bool TryParse(string? code, out SegmentKind kind)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "anchor": kind = SegmentKind.Anchor; return true;
            case "reporter": kind = SegmentKind.Reporter; return true;
            case "speaker": kind = SegmentKind.Speaker; return true;
            case "soundbite": kind = SegmentKind.Soundbite; return true;
            case "article": kind = SegmentKind.Article; return true;
            case "photo": kind = SegmentKind.Photo; return true;
            default: kind = default; return false;
        }
    }
}
