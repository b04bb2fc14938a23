namespace Bulletin.Ingest;

/// <summary>The names used on the command line, in configuration and in reports.</summary>
public static class IngestFormats
{
    public const string Names = "auto, page, ninjs, newsml, feed, wxr";

    public static string ToCode(this IngestFormat format) => format switch
    {
        IngestFormat.Auto => "auto",
        IngestFormat.Page => "page",
        IngestFormat.Ninjs => "ninjs",
        IngestFormat.NewsMlG2 => "newsml",
        IngestFormat.Feed => "feed",
        IngestFormat.Wxr => "wxr",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };

    public static bool TryParse(string? code, out IngestFormat format)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "auto" or "" or null: format = IngestFormat.Auto; return true;
            case "page" or "pages" or "broadcast": format = IngestFormat.Page; return true;
            case "ninjs": format = IngestFormat.Ninjs; return true;
            case "newsml" or "newsml-g2" or "newsmlg2" or "g2": format = IngestFormat.NewsMlG2; return true;
            case "feed" or "rss" or "atom" or "jsonfeed" or "json-feed": format = IngestFormat.Feed; return true;
            case "wxr" or "wordpress": format = IngestFormat.Wxr; return true;
            default: format = default; return false;
        }
    }
}
