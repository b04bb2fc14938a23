namespace Bulletin.Broadcast.Printing;

/// <summary>
/// The fonts the printed rundown and scripts are set in (Print:FontFile, Print:BoldFontFile): TrueType files with
/// Hangul, embedded in every PDF. Left empty, Nanum Gothic is looked for where Debian's fonts-nanum installs it.
/// </summary>
public sealed record PrintOptions
{
    public const string SectionName = "Print";

    public string? FontFile { get; init; }
    public string? BoldFontFile { get; init; }
}
