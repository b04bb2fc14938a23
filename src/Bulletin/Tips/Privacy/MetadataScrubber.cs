using Bulletin.Core.Tips;
using Microsoft.Extensions.Options;
using Bulletin.Media.Renditions;
using SkiaSharp;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Makes the copy of a tip file that staff see. Pictures are decoded to pixels, turned upright as their EXIF
/// orientation says, and encoded afresh, which leaves every kind of metadata behind (EXIF with GPS and its thumbnail,
/// XMP, IPTC, comments, PNG text chunks) along with anything appended to the picture (polyglots). MP4 and QuickTime
/// files keep their media but lose every udta, meta and uuid box (where ©xyz, loci and XMP live), overwritten as
/// free boxes of the same size so no chunk offset moves. Any other file is kept only as its encrypted original and
/// shown to staff as "unscrubbed: do not publish": documents and archives cannot be cleaned reliably, and Bulletin
/// never unpacks them.
/// </summary>
public sealed class MetadataScrubber(IOptions<TipsOptions> options)
{
    /// <summary>Pictures larger than this are not decoded on the server.</summary>
    private const long MaxImageFileBytes = 60L * 1024 * 1024;

    private const int MaxMovieHeaderBytes = 64 * 1024 * 1024;

    public static string Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8)
                || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("avif"u8)
                ? "image/heif"
                : brand.SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        }

        return "application/octet-stream";
    }

    /// <summary>Writes the staff copy of <paramref name="original"/> to <paramref name="staffCopy"/>, if this kind of file can be cleaned.</summary>
    public async Task<ScrubOutcome> ScrubAsync(Func<Stream> original, long length, Stream staffCopy, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        int read;
        await using (var probe = original())
        {
            read = await probe.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var type = Detect(head.AsSpan(0, read));
        switch (type)
        {
            case "image/jpeg" or "image/png" or "image/gif" or "image/webp":
                if (length > MaxImageFileBytes)
                {
                    return new ScrubOutcome(type, TipAttachmentState.Rejected, false);
                }

                using (var buffer = new MemoryStream((int)length))
                {
                    await using (var source = original())
                    {
                        await source.CopyToAsync(buffer, cancellationToken);
                    }

                    var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
                    var hadMetadata = type == "image/png" ? PngHasMetadata(bytes.Span) : type != "image/jpeg" || JpegHasMetadata(bytes.Span);
                    var encoded = ReencodeImage(bytes, type == "image/jpeg");
                    if (encoded is null)
                    {
                        return new ScrubOutcome(type, TipAttachmentState.Rejected, hadMetadata);
                    }

                    await staffCopy.WriteAsync(encoded, cancellationToken);
                    return new ScrubOutcome(type, TipAttachmentState.Scrubbed, hadMetadata);
                }

            case "video/mp4" or "video/quicktime":
                try
                {
                    await using var source = original();
                    var removed = await Mp4Scrubber.ScrubAsync(source, staffCopy, MaxMovieHeaderBytes, cancellationToken);
                    return new ScrubOutcome(type, TipAttachmentState.Scrubbed, removed);
                }
                catch (InvalidDataException)
                {
                    return new ScrubOutcome(type, TipAttachmentState.Unscrubbed, true);
                }

            default:
                return new ScrubOutcome(type, TipAttachmentState.Unscrubbed, false);
        }
    }

    private byte[]? ReencodeImage(ReadOnlyMemory<byte> bytes, bool asJpeg)
    {
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > options.Value.MaxImagePixels)
        {
            return null;
        }

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        using var upright = Orientation.Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(asJpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 90);
        return encoded?.ToArray();
    }

    private static bool JpegHasMetadata(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            if (marker == 0xDA)
            {
                break;
            }

            if (marker is 0xE1 or 0xED or 0xFE)
            {
                return true;
            }

            i += 2 + ((data[i + 2] << 8) | data[i + 3]);
        }

        return false;
    }

    private static bool PngHasMetadata(ReadOnlySpan<byte> data)
    {
        var i = 8;
        while (i + 8 <= data.Length)
        {
            var length = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
            var type = data.Slice(i + 4, 4);
            if (type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8))
            {
                return true;
            }

            if (length < 0)
            {
                break;
            }

            i += 12 + length;
        }

        return false;
    }
}
