using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>A device's word on a running order, story or item (roElementStat): PLAY, STOP, READY, ERROR...</summary>
public sealed record MosElementStatus(string DeviceId, string RunningOrderId, string? StoryId, string? ItemId, string Status, DateTimeOffset? Time)
{
    public static MosElementStatus? From(string deviceId, XElement roElementStat)
    {
        var roId = MosCodec.Text(roElementStat, "roID");
        var status = MosCodec.Text(roElementStat, "status");
        return string.IsNullOrEmpty(roId) || string.IsNullOrEmpty(status)
            ? null
            : new MosElementStatus(deviceId, roId, MosCodec.Text(roElementStat, "storyID"), MosCodec.Text(roElementStat, "itemID"),
                status, MosValues.ParseTime(MosCodec.Text(roElementStat, "time")));
    }
}
