using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Reads and writes MOS messages on XmlReader and XmlWriter: DTDs prohibited, no resolver, a size limit, no XML
/// declaration, and UTF-16 big-endian without a byte-order mark on the wire.
/// </summary>
public static class MosCodec
{
    public static readonly Encoding Wire = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses one framed message. The envelope is read tolerantly: some peers swap mosID and ncsID, so both are
    /// kept as written and the caller decides who is who.
    /// </summary>
    public static bool TryParse(string xml, int maxChars, out MosEnvelope? envelope, out string? problem)
    {
        envelope = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxChars,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            root = XElement.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            problem = $"Malformed MOS message: {e.Message}";
            return false;
        }

        if (root.Name.LocalName != "mos")
        {
            problem = "The message is not a <mos> document.";
            return false;
        }

        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName is not ("mosID" or "ncsID" or "messageID"));
        if (body is null)
        {
            problem = "The message has no body.";
            return false;
        }

        long? messageId = long.TryParse(Text(root, "messageID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        envelope = new MosEnvelope(Text(root, "mosID") ?? "", Text(root, "ncsID") ?? "", messageId, body);
        problem = null;
        return true;
    }

    /// <summary>The message as the wire carries it.</summary>
    public static byte[] Encode(MosEnvelope envelope) => Wire.GetBytes(Write(envelope));

    public static string Write(MosEnvelope envelope)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, CheckCharacters = true };
        using (var writer = XmlWriter.Create(text, settings))
        {
            writer.WriteStartElement("mos");
            writer.WriteElementString("mosID", envelope.MosId);
            writer.WriteElementString("ncsID", envelope.NcsId);
            if (envelope.MessageId is { } id)
            {
                writer.WriteElementString("messageID", id.ToString(CultureInfo.InvariantCulture));
            }

            envelope.Body.WriteTo(writer);
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>The trimmed text of a child element, or null when it is missing.</summary>
    public static string? Text(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
