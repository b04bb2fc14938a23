namespace Bulletin.Media;

public enum MediaSaveOutcome
{
    Saved,
    NotFound,

    /// <summary>Someone saved it since the version the change was based on.</summary>
    Stale,

    /// <summary>The new crops could not be made or stored.</summary>
    Failed,
}
