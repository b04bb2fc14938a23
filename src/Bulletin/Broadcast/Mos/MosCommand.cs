using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>A running-order message for the devices (roCreate, roElementAction, roStorySend, ...), sent in order.</summary>
public sealed record MosCommand(string RunningOrderId, XElement Body)
{
    public string Kind => Body.Name.LocalName;

    /// <summary>Sent instead when the device refuses this one (roReplace for a roCreate of an order it still holds).</summary>
    public MosCommand? IfRefused { get; init; }
}
