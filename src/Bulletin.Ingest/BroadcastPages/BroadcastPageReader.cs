using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// Reads the text of a saved broadcast story page (see docs: broadcast-page-format) into a story. Bad input gives
/// a failed result, never an exception, so a batch import can go on with the next file.
/// </summary>
public static class BroadcastPageReader
{
    /// <summary>Reads a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one.</summary>
    public static ReadResult Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ReadResult.Failure("The file is empty.");
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Read(Encoding.Unicode.GetString(bytes[2..]));
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Read(Encoding.BigEndianUnicode.GetString(bytes[2..]));
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        if (PageSniffer.DescribeBinary(bytes) is { } binary)
        {
            return ReadResult.Failure(binary);
        }

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done
                ? Read(new string(buffer, 0, written))
                : ReadResult.Failure(
                    $"The file is not valid UTF-8 text (the first bad byte is at offset {read}). Convert it to UTF-8 (it may be EUC-KR) and try again.");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static ReadResult Read(string text)
    {
        if (text is null || text.Length == 0 || (text.Length == 1 && text[0] == '\uFEFF'))
        {
            return ReadResult.Failure("The file is empty.");
        }

        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start == text.Length)
        {
            return ReadResult.Failure("The file holds only blank space: there is no story in it.");
        }

        if (PageSniffer.LooksBinary(text))
        {
            return ReadResult.Failure("The file is binary data, not a text page.");
        }

        if (PageSniffer.DescribeOtherFormat(text, start) is { } otherFormat)
        {
            return ReadResult.Failure(otherFormat);
        }

        return new PageParser(text).Parse();
    }
}
