namespace Bulletin.Core.Media;

/// <summary>
/// A photo or video in the media library: the original as uploaded (kept, never served), what the desk says about
/// it, and the renditions made from it. Renditions are made once, when the item is uploaded; a new focal point
/// makes new crops under new names and leaves the old files as they were, so a page cached with them still works.
/// </summary>
public sealed class MediaItem
{
    private List<MediaRendition> _renditions = [];

    private MediaItem()
    {
        // For EF Core.
        OriginalType = "";
        Caption = "";
        Credit = "";
        AltText = "";
        Rights = "";
        Source = "";
        SearchText = "";
        UploadedByName = "";
    }

    public MediaItem(Guid id, MediaKind kind, string originalType, long originalBytes, int width, int height, MediaFields fields,
        FocalPoint focalPoint, IReadOnlyList<MediaRendition> renditions, Guid? uploadedBy, string uploadedByName, DateTimeOffset now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(focalPoint);
        Id = id;
        Kind = kind;
        OriginalType = originalType;
        OriginalBytes = originalBytes;
        Width = width;
        Height = height;
        FocusX = focalPoint.X;
        FocusY = focalPoint.Y;
        _renditions = [.. renditions];
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAt = now.ToUniversalTime();
        UpdatedAt = UploadedAt;
        Describe(fields);
        Version = 1;
    }

    public Guid Id { get; private set; }
    public MediaKind Kind { get; private set; }

    /// <summary>The media type read from the file's first bytes, not from its name or the uploader's say-so.</summary>
    public string OriginalType { get; private set; }

    public long OriginalBytes { get; private set; }

    /// <summary>The picture's size upright (its EXIF orientation applied).</summary>
    public int Width { get; private set; }

    /// <inheritdoc cref="Width"/>
    public int Height { get; private set; }

    public string Caption { get; private set; }
    public string Credit { get; private set; }

    /// <summary>What the picture shows, for readers who cannot see it; a story using the item is not published without it.</summary>
    public string AltText { get; private set; }

    /// <summary>Who may use it and how ("own photo", "pool, no archive use").</summary>
    public string Rights { get; private set; }

    /// <summary>Where it came from (an agency, a viewer's report).</summary>
    public string Source { get; private set; }

    public double FocusX { get; private set; }
    public double FocusY { get; private set; }
    public FocalPoint FocalPoint => new(FocusX, FocusY);

    /// <summary>How many times the crops were made again for a new focal point; part of their names.</summary>
    public int CropGeneration { get; private set; }

    public IReadOnlyList<MediaRendition> Renditions => _renditions;

    public Guid? UploadedBy { get; private set; }
    public string UploadedByName { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Caption, credit, alt text and source in lower case, which the library's search matches.</summary>
    public string SearchText { get; private set; }

    public int Version { get; private set; }

    public bool HasAltText => AltText.Length > 0;

    /// <summary>The widest rendition of the whole picture in the given type, or of the given crop.</summary>
    public MediaRendition? Widest(string contentType, string? crop = null) =>
        _renditions.Where(r => r.ContentType == contentType && r.Crop == crop).MaxBy(r => r.Width);

    /// <summary>
    /// Saves new fields as one new version; with a new focal point, also the crops made around it (named for the next
    /// generation), which take the old crops' place in the list while their files stay.
    /// </summary>
    public void Describe(MediaFields fields, DateTimeOffset now, (FocalPoint Point, IReadOnlyList<MediaRendition> Crops)? refocus = null)
    {
        Describe(fields);
        if (refocus is { } focus)
        {
            FocusX = focus.Point.X;
            FocusY = focus.Point.Y;
            CropGeneration++;
            _renditions = [.. _renditions.Where(r => r.Crop is null), .. focus.Crops];
        }

        UpdatedAt = now.ToUniversalTime();
        Version++;
    }

    private void Describe(MediaFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Caption = fields.Caption;
        Credit = fields.Credit;
        AltText = fields.AltText;
        Rights = fields.Rights;
        Source = fields.Source;
        SearchText = string.Join('\n', Caption, Credit, AltText, Source).ToLowerInvariant();
    }
}
