using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// One MOS message: <c>&lt;mos&gt;&lt;mosID/&gt;&lt;ncsID/&gt;&lt;messageID/&gt;BODY&lt;/mos&gt;</c>. A reply echoes the
/// messageID; heartbeats and some answers carry none.
/// </summary>
public sealed record MosEnvelope(string MosId, string NcsId, long? MessageId, XElement Body)
{
    public string Kind => Body.Name.LocalName;
}
