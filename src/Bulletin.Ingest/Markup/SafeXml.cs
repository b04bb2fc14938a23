using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bulletin.Ingest.Markup;

/// <summary>
/// Parses outside XML with the defences a file from anyone needs: no DTD at all (so no entity expansion, no
/// external entities, no fetches; a file that declares one is refused, never half-read), a bound on its size, and
/// the encoding it declares, Korean and other legacy code pages included.
/// </summary>
public static class SafeXml
{
    /// <summary>Agency files and exports are kilobytes to a few tens of megabytes; past this a file is refused.</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    static SafeXml()
    {
        // EUC-KR, Big5, Shift_JIS, windows-125x...: .NET ships them, but only after they are registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static UTF32Encoding? Utf32Of(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0, 0, 0xFE, 0xFF, ..] or [0, 0, 0, (byte)'<', ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true),
        [0xFF, 0xFE, 0, 0, ..] or [(byte)'<', 0, 0, 0, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true),
        _ => null,
    };

    /// <summary>The document, or why it cannot be read, in words an editor can act on.</summary>
    public static (XDocument? Document, string? Error) Load(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, "The file is empty.");
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        try
        {
            // UTF-32 is told by its first four bytes, as XML 1.0 appendix F says; the reader would trust a declaration of
            // "utf-32" as little-endian over a big-endian mark.
            using var reader = Utf32Of(bytes) is { } utf32
                ? XmlReader.Create(new StreamReader(stream, utf32, detectEncodingFromByteOrderMarks: false), Settings)
                : XmlReader.Create(stream, Settings);
            return (XDocument.Load(reader, LoadOptions.None), null);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The file declares a DTD (a <!DOCTYPE> with entities), which Bulletin does not read: DTDs are how XML files " +
                "reach into other files and multiply themselves. Remove the DOCTYPE line and any entities it declares.");
        }
        catch (XmlException e)
        {
            return (null, $"The file is not well-formed XML: {e.Message}");
        }
        catch (DecoderFallbackException e)
        {
            return (null, $"The file's bytes do not match the encoding it declares: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // An encoding name the platform does not know ("bogus") surfaces as an argument error.
            return (null, $"The file names a character encoding that cannot be read: {e.Message}");
        }
    }
}
