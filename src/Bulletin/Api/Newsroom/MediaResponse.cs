using System.Text.Json.Serialization;
using Bulletin.Core.Media;
using Bulletin.Media;
using Bulletin.Media.Renditions;
using Bulletin.Site;

namespace Bulletin.Api.Newsroom;

/// <summary>A media item as the staff API shows it; <c>url</c> is its widest JPEG, the one to link to.</summary>
public sealed record MediaResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("credit")] string Credit,
    [property: JsonPropertyName("alt")] string Alt,
    [property: JsonPropertyName("rights")] string Rights,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("focalPoint")] MediaFocalPointJson FocalPoint,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("originalType")] string OriginalType,
    [property: JsonPropertyName("originalBytes")] long OriginalBytes,
    [property: JsonPropertyName("uploadedBy")] string UploadedBy,
    [property: JsonPropertyName("uploadedAt")] string UploadedAt,
    [property: JsonPropertyName("updatedAt")] string UpdatedAt,
    [property: JsonPropertyName("renditions")] IReadOnlyList<MediaRenditionJson> Renditions)
{
    public static MediaResponse From(MediaItem item, SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(item);
        var widest = item.Widest(PhotoRenditions.Jpeg) ?? item.Renditions[0];
        return new MediaResponse(item.Id, item.Version, item.Kind.ToString().ToLowerInvariant(), MediaPaths.Public(item.Id, widest),
            item.Caption, item.Credit, item.AltText, item.Rights, item.Source, new MediaFocalPointJson(item.FocusX, item.FocusY),
            item.Width, item.Height, item.OriginalType, item.OriginalBytes, item.UploadedByName, clock.Iso(item.UploadedAt), clock.Iso(item.UpdatedAt),
            [.. item.Renditions.Select(r => new MediaRenditionJson(r.Name, MediaPaths.Public(item.Id, r), r.ContentType, r.Width, r.Height, r.Crop, r.Bytes))]);
    }
}
