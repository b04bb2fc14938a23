using System.Buffers.Binary;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Walks the boxes (atoms) of an MP4 or QuickTime file as it streams, and turns every box that carries user
/// metadata (udta with ©xyz and friends, meta with loci, uuid with XMP) into a free box of the same size with its
/// contents zeroed. Only the movie header (moov) is held in memory; the media data streams through.
/// </summary>
internal static class Mp4Scrubber
{
    private static readonly string[] Containers = ["trak", "mdia", "minf", "stbl", "edts", "dinf"];
    private static readonly string[] Metadata = ["udta", "meta", "uuid"];

    /// <summary>Returns whether any metadata box was removed; throws <see cref="InvalidDataException"/> on a damaged file.</summary>
    public static async Task<bool> ScrubAsync(Stream input, Stream output, int maxHeaderBytes, CancellationToken cancellationToken)
    {
        var removed = false;
        var header = new byte[16];
        while (true)
        {
            var got = await input.ReadAtLeastAsync(header.AsMemory(0, 8), 8, throwOnEndOfStream: false, cancellationToken);
            if (got == 0)
            {
                return removed;
            }

            if (got < 8)
            {
                throw new InvalidDataException("The file ends inside a box header.");
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.Latin1.GetString(header, 4, 4);
            var headerLength = 8;
            if (size == 1)
            {
                await input.ReadExactlyAsync(header.AsMemory(8, 8), cancellationToken);
                size = BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }

            if (size == 0)
            {
                // The last box runs to the end of the file.
                if (Metadata.Contains(type))
                {
                    throw new InvalidDataException("A metadata box of unknown length.");
                }

                await output.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                await input.CopyToAsync(output, cancellationToken);
                return removed;
            }

            if (size < headerLength)
            {
                throw new InvalidDataException("A box is shorter than its own header.");
            }

            var payload = size - headerLength;
            if (type == "moov")
            {
                if (payload > maxHeaderBytes)
                {
                    throw new InvalidDataException("The movie header is too large.");
                }

                var movie = new byte[payload];
                await input.ReadExactlyAsync(movie, cancellationToken);
                removed |= Patch(movie, 0, movie.Length, 0);
                await output.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                await output.WriteAsync(movie, cancellationToken);
            }
            else if (Metadata.Contains(type))
            {
                removed = true;
                "free"u8.CopyTo(header.AsSpan(4));
                await output.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                await CopyAsync(input, Stream.Null, payload, cancellationToken);
                await WriteZerosAsync(output, payload, cancellationToken);
            }
            else
            {
                await output.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                await CopyAsync(input, output, payload, cancellationToken);
            }
        }
    }

    private static bool Patch(byte[] data, int start, int end, int depth)
    {
        if (depth > 16)
        {
            throw new InvalidDataException("Boxes nest too deeply.");
        }

        var removed = false;
        var at = start;
        while (at + 8 <= end)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            var headerLength = 8;
            if (size == 1)
            {
                if (at + 16 > end)
                {
                    throw new InvalidDataException("A box header is cut short.");
                }

                size = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(at + 8));
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - at;
            }

            if (size < headerLength || at + size > end)
            {
                throw new InvalidDataException("A box does not fit inside its parent.");
            }

            var type = System.Text.Encoding.Latin1.GetString(data, at + 4, 4);
            if (Metadata.Contains(type))
            {
                "free"u8.CopyTo(data.AsSpan(at + 4));
                Array.Clear(data, at + headerLength, (int)size - headerLength);
                removed = true;
            }
            else if (Containers.Contains(type))
            {
                removed |= Patch(data, at + headerLength, at + (int)size, depth + 1);
            }

            at += (int)size;
        }

        return removed;
    }

    private static async Task CopyAsync(Stream input, Stream output, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                throw new InvalidDataException("The file ends inside a box.");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    private static async Task WriteZerosAsync(Stream output, long count, CancellationToken cancellationToken)
    {
        var zeros = new byte[81920];
        while (count > 0)
        {
            var take = (int)Math.Min(zeros.Length, count);
            await output.WriteAsync(zeros.AsMemory(0, take), cancellationToken);
            count -= take;
        }
    }
}
