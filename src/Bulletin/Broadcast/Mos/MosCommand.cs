using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>A running-order message for the devices (roCreate, roElementAction, roStorySend, ...), sent in order.</summary>
public sealed record MosCommand(string RunningOrderId, XElement Body)
{
    public string Kind => Body.Name.LocalName;
}
