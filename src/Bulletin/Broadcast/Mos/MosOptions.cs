namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The MOS gateway: Bulletin as the newsroom system (NCS), listening on the lower and upper ports and connecting to
/// each studio device. Without a Mos section the gateway is not started at all.
/// </summary>
public sealed class MosOptions
{
    public const string SectionName = "Mos";

    /// <summary>Our MOS id, which devices are configured to expect.</summary>
    public string NcsId { get; set; } = "bulletin.ncs";

    /// <summary>Heartbeats, machine info and object messages (profiles 0 and 1).</summary>
    public int Lower { get; set; } = 10540;

    /// <summary>Running-order messages (profiles 2 and 4).</summary>
    public int Upper { get; set; } = 10541;

    /// <summary>The address the listeners bind to; every interface by default, as studio devices connect in.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    public List<MosDeviceOptions> Devices { get; set; } = [];

    /// <summary>The largest message accepted, in bytes of UTF-16; a larger one is answered with an error and dropped.</summary>
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a device has to acknowledge a message before it is sent once more (MOS says about 5 s).</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before connecting again to a device that went away (MOS says about 3 s).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Changes waiting for one device; past this it is resynchronised in full instead.</summary>
    public int MaxQueuedChanges { get; set; } = 10_000;

    /// <summary>Objects kept from devices' mosObj and mosListAll messages; the oldest go first.</summary>
    public int MaxObjects { get; set; } = 50_000;
}
