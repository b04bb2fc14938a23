namespace Bulletin.Data.Wires;

/// <summary>Where an item of the Incoming queue stands.</summary>
public enum IncomingStatus
{
    /// <summary>Arrived; no editor has acted on it.</summary>
    New,

    /// <summary>An editor made a draft story of it.</summary>
    Taken,

    /// <summary>A trusted source's item, stored and published as it arrived.</summary>
    Published,

    /// <summary>An editor set it aside.</summary>
    Discarded,
}
