namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Where the gateway reads running orders in full: for a device that (re)connects, and to answer roReq and
/// roReqAll. Changes between those moments reach the devices through <see cref="MosGateway.Send"/> (from
/// <see cref="MosRundownFeed"/>). The host's is <see cref="DatabaseRunningOrders"/>.
/// </summary>
public interface IRunningOrderSource
{
    /// <summary>Every running order the devices should hold now (the activated rundowns), stories with bodies.</summary>
    ValueTask<IReadOnlyList<MosRunningOrder>> ActiveAsync(CancellationToken cancellationToken);
}
