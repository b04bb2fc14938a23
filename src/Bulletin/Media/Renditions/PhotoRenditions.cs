using System.Globalization;
using Bulletin.Core.Media;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Bulletin.Media.Renditions;

/// <summary>
/// Makes a photo's renditions with SkiaSharp (docs/media.md says why): widths from 320 to 1920 in WebP and JPEG,
/// never wider than the original, and crops of 16:9, 4:3 and 1:1 around the focal point, 1200 wide where the
/// picture allows. The pixels are decoded once, at the smallest scale the JPEG decoder offers that still covers the
/// widest rendition, turned upright, and encoded afresh: no metadata block of the original (EXIF and its GPS, XMP,
/// IPTC, maker notes, comments) nor anything hidden after its image data is copied into a rendition. The header's
/// dimensions are checked against the pixel cap before a pixel buffer is allocated.
/// </summary>
public sealed class PhotoRenditions(IOptions<MediaLibraryOptions> options)
{
    public static readonly IReadOnlyList<int> Widths = [320, 640, 960, 1280, 1920];

    /// <summary>The crops' width: what og:image and rich results ask for.</summary>
    public const int CropWidth = 1200;

    public static readonly IReadOnlyList<(string Name, int Across, int Down)> Crops = [("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1)];

    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";
    private const int Quality = 82;

    /// <summary>Every rendition of the photo, or why it cannot be used; <paramref name="type"/> is the sniffed type.</summary>
    public PhotoRendering Make(ReadOnlySpan<byte> file, string type, FocalPoint focalPoint)
    {
        using var upright = Decode(file, type, out var width, out var height, out var refusal);
        if (upright is null)
        {
            return PhotoRendering.Refused(refusal!);
        }

        var files = new List<RenderedFile>();
        var widths = Widths.Where(w => w <= width).ToList();
        if (widths.Count == 0)
        {
            widths.Add(width);
        }

        foreach (var target in widths)
        {
            var targetHeight = Math.Max(1, (int)Math.Round((double)upright.Height * target / upright.Width));
            using var resized = Resize(upright, new SKRectI(0, 0, upright.Width, upright.Height), target, targetHeight);
            files.Add(Encode(resized, $"w{target}", WebP, null));
            files.Add(Encode(resized, $"w{target}", Jpeg, null));
        }

        files.AddRange(CropsOf(upright, focalPoint, 0));
        return new PhotoRendering(width, height, files, null);
    }

    /// <summary>The crops alone, for a new focal point; <paramref name="generation"/> keeps their names new.</summary>
    public IReadOnlyList<RenderedFile>? MakeCrops(ReadOnlySpan<byte> file, string type, FocalPoint focalPoint, int generation)
    {
        using var upright = Decode(file, type, out _, out _, out _);
        return upright is null ? null : CropsOf(upright, focalPoint, generation);
    }

    private static List<RenderedFile> CropsOf(SKBitmap upright, FocalPoint focalPoint, int generation)
    {
        var files = new List<RenderedFile>();
        foreach (var (name, across, down) in Crops)
        {
            // The largest region of this shape, centred on the focal point as far as the edges allow.
            int regionWidth = upright.Width, regionHeight = upright.Height;
            if ((long)upright.Width * down > (long)upright.Height * across)
            {
                regionWidth = Math.Max(1, (int)((long)upright.Height * across / down));
            }
            else
            {
                regionHeight = Math.Max(1, (int)((long)upright.Width * down / across));
            }

            var left = Math.Clamp((int)Math.Round((focalPoint.X * upright.Width) - (regionWidth / 2.0)), 0, upright.Width - regionWidth);
            var top = Math.Clamp((int)Math.Round((focalPoint.Y * upright.Height) - (regionHeight / 2.0)), 0, upright.Height - regionHeight);
            var width = Math.Min(CropWidth, regionWidth);
            var height = Math.Max(1, (int)Math.Round((double)width * down / across));
            using var cropped = Resize(upright, new SKRectI(left, top, left + regionWidth, top + regionHeight), width, height);
            var suffix = generation == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"-g{generation}");
            files.Add(Encode(cropped, string.Create(CultureInfo.InvariantCulture, $"{name}-{width}{suffix}"), Jpeg, name));
        }

        return files;
    }

    private SKBitmap? Decode(ReadOnlySpan<byte> file, string type, out int width, out int height, out string? refusal)
    {
        width = height = 0;
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            refusal = $"The file says it is {type} but is not a picture that can be read.";
            return null;
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            refusal = "The picture has no size.";
            return null;
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > options.Value.MaxPixels)
        {
            refusal = string.Create(CultureInfo.InvariantCulture,
                $"The picture is {info.Width} x {info.Height} pixels ({pixels / 1_000_000.0:F0} megapixels); at most {options.Value.MaxPixels / 1_000_000.0:F0} megapixels are accepted.");
            return null;
        }

        var swap = Orientation.SwapsSides(codec.EncodedOrigin);
        width = swap ? info.Height : info.Width;
        height = swap ? info.Width : info.Height;

        // Halve while both sides still cover the widest rendition: JPEG decodes at 1/2, 1/4, 1/8 for a fraction of the time.
        var widest = Widths[^1];
        var scale = 1f;
        while (info.Width * scale / 2 >= Math.Min(info.Width, widest) && info.Height * scale / 2 >= Math.Min(info.Height, widest))
        {
            scale /= 2;
        }

        var size = codec.GetScaledDimensions(scale);
        var alpha = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            refusal = result == SKCodecResult.IncompleteInput
                ? "The file is cut short: its picture data ends before the picture does."
                : $"The picture could not be decoded ({result}).";
            return null;
        }

        refusal = null;
        if (codec.EncodedOrigin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return decoded;
        }

        using (decoded)
        {
            return Orientation.Upright(decoded, codec.EncodedOrigin);
        }
    }

    private static SKBitmap Resize(SKBitmap source, SKRectI region, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, source.AlphaType));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint();
        canvas.DrawImage(image, region, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
        canvas.Flush();
        return target;
    }

    private static RenderedFile Encode(SKBitmap bitmap, string name, string contentType, string? crop)
    {
        var jpeg = contentType == Jpeg;
        SKBitmap? flattened = null;
        if (jpeg && bitmap.AlphaType != SKAlphaType.Opaque)
        {
            // JPEG has no transparency: a transparent PNG is put on white, not on the black its empty pixels would give.
            flattened = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using var canvas = new SKCanvas(flattened);
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(bitmap, 0, 0);
            canvas.Flush();
        }

        try
        {
            using var image = SKImage.FromBitmap(flattened ?? bitmap);
            using var encoded = image.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Webp, Quality)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode {contentType}.");
            var bytes = encoded.ToArray();
            return new RenderedFile(new MediaRendition($"{name}.{(jpeg ? "jpg" : "webp")}", contentType, bitmap.Width, bitmap.Height, crop, bytes.Length), bytes);
        }
        finally
        {
            flattened?.Dispose();
        }
    }
}
