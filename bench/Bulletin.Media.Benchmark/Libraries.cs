using ImageMagick;
using NetVips;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

/// <summary>One way per library to make the renditions, each written the way its documentation recommends for thumbnails.</summary>
internal sealed record Libraries(string Name, Func<byte[], int[], long> Renditions)
{
    private const int Quality = 82;

    public static readonly Libraries[] All =
    [
        new("SkiaSharp 3.119", Skia),
        new("NetVips 3.2 (libvips 8.18)", Vips),
        new("Magick.NET-Q8 15.1", Magick),
        new("ImageSharp 2.1.13", ImageSharp),
    ];

    // Decodes once at the smallest JPEG scale (1/2, 1/4, 1/8) that still covers the widest rendition, then resamples.
    private static long Skia(byte[] bytes, int[] widths)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        var scale = 1f;
        while (codec.Info.Width * scale / 2 >= widths.Max())
        {
            scale /= 2;
        }

        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        codec.GetPixels(decoded.Info, decoded.GetPixels());
        long total = 0;
        foreach (var width in widths)
        {
            var height = (int)Math.Round((double)size.Height * width / size.Width);
            using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized);
            using var webp = image.Encode(SKEncodedImageFormat.Webp, Quality);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
            total += webp.Size + jpeg.Size;
        }

        return total;
    }

    // Thumbnail shrinks on load for each width, libvips's own advice; keep: none leaves every metadata block out.
    private static long Vips(byte[] bytes, int[] widths)
    {
        long total = 0;
        foreach (var width in widths)
        {
            // The pipeline streams the file once; two encoders read the small result from memory.
            using var thumbnail = NetVips.Image.ThumbnailBuffer(bytes, width);
            using var image = thumbnail.CopyMemory();
            total += image.WebpsaveBuffer(q: Quality, keep: Enums.ForeignKeep.None).Length;
            total += image.JpegsaveBuffer(q: Quality, keep: Enums.ForeignKeep.None).Length;
        }

        return total;
    }

    // The jpeg:size hint lets libjpeg decode at a reduced scale, as ImageMagick's documentation suggests for thumbnails.
    private static long Magick(byte[] bytes, int[] widths)
    {
        var settings = new MagickReadSettings();
        settings.SetDefine(MagickFormat.Jpeg, "size", $"{widths.Max() * 2}x{widths.Max() * 2}");
        using var decoded = new MagickImage(bytes, settings);
        long total = 0;
        foreach (var width in widths)
        {
            using var image = decoded.CloneAndMutate(i => i.Resize((uint)width, 0));
            image.Strip();
            image.Quality = Quality;
            image.Format = MagickFormat.WebP;
            total += image.ToByteArray().Length;
            image.Format = MagickFormat.Jpeg;
            total += image.ToByteArray().Length;
        }

        return total;
    }

    // ImageSharp 2 decodes every pixel (no reduced-scale decode before version 3, which needs a paid licence here).
    private static long ImageSharp(byte[] bytes, int[] widths)
    {
        using var decoded = SixLabors.ImageSharp.Image.Load(bytes);
        decoded.Metadata.ExifProfile = null;
        decoded.Metadata.XmpProfile = null;
        decoded.Metadata.IptcProfile = null;
        long total = 0;
        foreach (var width in widths)
        {
            using var image = decoded.Clone(i => i.Resize(width, 0));
            using var buffer = new MemoryStream();
            image.Save(buffer, new WebpEncoder { Quality = Quality });
            total += buffer.Length;
            buffer.SetLength(0);
            image.Save(buffer, new JpegEncoder { Quality = Quality });
            total += buffer.Length;
        }

        return total;
    }
}
