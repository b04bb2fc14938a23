using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Answers what devices start on our ports: heartbeats and machine info, their objects (profile 1), requests for
/// running orders and element status (profiles 2 and 4). Every request gets an answer; what cannot be understood
/// gets an error acknowledgement in words, never a closed connection.
/// </summary>
public sealed class MosResponder(MosOptions options, IRunningOrderSource source, MosObjectInventory inventory, MosStatusBoard statuses,
    TimeProvider clock)
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    /// <summary>The reply body, or null for messages that are answers themselves (a stray roAck).</summary>
    public async Task<XElement?> AnswerAsync(MosEnvelope message, CancellationToken cancellationToken)
    {
        var device = DeviceOf(message);
        var body = message.Body;
        switch (message.Kind)
        {
            case "heartbeat":
                return MosMessages.Heartbeat(clock.GetUtcNow());
            case "reqMachInfo":
                return MosMessages.ListMachInfo(options.NcsId, clock.GetUtcNow(), _startedAt);
            case "listMachInfo" or "roAck" or "mosAck":
                return null;
            case "mosObj":
                return Keep(device, body);
            case "mosListAll":
                var kept = body.Elements().Where(e => e.Name.LocalName == "mosObj").Select(o => Keep(device, o)).Count();
                return MosMessages.MosAck("", true, $"{kept} objects");
            case "roReq":
            {
                var roId = MosCodec.Text(body, "roID") ?? "";
                var order = (await source.ActiveAsync(cancellationToken)).FirstOrDefault(o => o.Id == roId);
                return order is null ? MosMessages.RoAck(roId, UnknownRunningOrder(roId)) : MosMessages.RoList(order);
            }

            case "roReqAll":
                return MosMessages.RoListAll(await source.ActiveAsync(cancellationToken));
            case "roElementStat":
            {
                var roId = MosCodec.Text(body, "roID") ?? "";
                if (MosElementStatus.From(device, body) is not { } status)
                {
                    return MosMessages.RoAck(roId, "roElementStat needs a roID and a status.");
                }

                if (!(await source.ActiveAsync(cancellationToken)).Any(o => o.Id == roId))
                {
                    return MosMessages.RoAck(roId, UnknownRunningOrder(roId));
                }

                await statuses.RecordAsync(status);
                return MosMessages.RoAck(roId, "OK");
            }

            default:
                return Refusal(message.Kind.StartsWith("ro", StringComparison.Ordinal), $"Bulletin does not take {message.Kind} messages.",
                    MosCodec.Text(body, "roID"));
        }
    }

    /// <summary>An error answer for the port: roAck on the upper port, mosAck NACK on the lower.</summary>
    public static XElement Refusal(bool upper, string problem, string? runningOrderId = null) =>
        upper ? MosMessages.RoAck(runningOrderId ?? "", problem) : MosMessages.MosAck("", false, problem);

    /// <summary>Who sent it: the envelope's id that is not ours, as some devices swap mosID and ncsID.</summary>
    public string DeviceOf(MosEnvelope message) =>
        string.Equals(message.MosId, options.NcsId, StringComparison.Ordinal) ? message.NcsId : message.MosId;

    private XElement Keep(string device, XElement mosObj)
    {
        if (MosObject.From(device, mosObj, clock.GetUtcNow()) is not { } obj)
        {
            return MosMessages.MosAck(MosCodec.Text(mosObj, "objID") ?? "", false, "An object needs an objID of at most 128 characters.");
        }

        inventory.Put(obj);
        return MosMessages.MosAck(obj.Id, true);
    }

    private static string UnknownRunningOrder(string roId) => $"Unknown running order '{roId}'.";
}
