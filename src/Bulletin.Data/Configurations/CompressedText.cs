using System.Buffers.Binary;
using System.IO.Compression;

namespace Bulletin.Data.Configurations;

/// <summary>
/// UTF-8 text kept as bytes: as it is when short, otherwise one marker byte, the text's length and a Brotli stream.
/// No JSON text starts with the marker (a control character), so rows stored as plain text before compression
/// existed, or too short to gain from it, read as they are.
/// </summary>
internal static class CompressedText
{
    private const byte Brotli = 0x01;
    private const int Header = 1 + sizeof(int);

    /// <summary>Below this a Brotli stream saves next to nothing and costs its header.</summary>
    private const int Smallest = 200;

    /// <summary>
    /// Brotli's fastest quality: about 12 µs for a 1.5 KB script and within 5% of quality 4's size on such short
    /// texts, which costs several times longer. Imports write hundreds of thousands of these.
    /// </summary>
    private const int Quality = 1;

    private const int Window = 22;

    public static byte[] Pack(byte[] text)
    {
        if (text.Length < Smallest)
        {
            return text;
        }

        var packed = new byte[Header + BrotliEncoder.GetMaxCompressedLength(text.Length)];
        if (!BrotliEncoder.TryCompress(text, packed.AsSpan(Header), out var written, Quality, Window) || Header + written >= text.Length)
        {
            return text;
        }

        packed[0] = Brotli;
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), text.Length);
        return packed[..(Header + written)];
    }

    public static byte[] Unpack(byte[] stored)
    {
        if (stored.Length < Header || stored[0] != Brotli)
        {
            return stored;
        }

        var text = new byte[BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1))];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(Header), text, out var written) || written != text.Length)
        {
            throw new InvalidDataException("A compressed text column does not decompress to the length it records.");
        }

        return text;
    }
}
