namespace Bulletin.Broadcast.Mos;

internal static partial class MosLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "MOS: listening on {Address} ports {Lower} (lower) and {Upper} (upper) as {NcsId}")]
    public static partial void Listening(ILogger logger, string address, int lower, int upper, string ncsId);

    [LoggerMessage(Level = LogLevel.Information, Message = "MOS: connected to device {DeviceId} at {Host} ({Lower}, {Upper})")]
    public static partial void DeviceConnected(ILogger logger, string deviceId, string host, int lower, int upper);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MOS: lost device {DeviceId}: {Reason}; connecting again")]
    public static partial void DeviceLost(ILogger logger, string deviceId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MOS: device {DeviceId} did not answer for its objects: {Reason}")]
    public static partial void NoInventory(ILogger logger, string deviceId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MOS: sent {Count} running orders in full to device {DeviceId}")]
    public static partial void Resynchronised(ILogger logger, string deviceId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MOS: device {DeviceId} refused {Kind} for running order {RunningOrderId}: {Status}")]
    public static partial void Refused(ILogger logger, string deviceId, string kind, string runningOrderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MOS: dropped a message from {Remote} on the {Port} port: {Problem}")]
    public static partial void Dropped(ILogger logger, string? remote, string port, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MOS: refused a connection from {Remote}: {Limit} connections are open")]
    public static partial void TooManyConnections(ILogger logger, string? remote, int limit);
}
