using Bulletin.Core.Media;

namespace Bulletin.Media;

/// <summary>Where an item's files are: storage keys made from its id alone, and the public path of each rendition.</summary>
public static class MediaPaths
{
    public const string PublicPrefix = "/media";

    /// <summary>The uploaded file itself: kept to make renditions from, never served.</summary>
    public static string OriginalKey(Guid id) => $"{id:N}/original";

    public static string Key(Guid id, string renditionName) => $"{id:N}/{renditionName}";

    public static string Public(Guid id, MediaRendition rendition)
    {
        ArgumentNullException.ThrowIfNull(rendition);
        return $"{PublicPrefix}/{id:N}/{rendition.Name}";
    }
}
