namespace Bulletin.Broadcast.Mos;

/// <summary>A studio object (clip, graphic) placed in a story, as a device's mosObj named it.</summary>
public sealed record MosItem(string Id, string? Slug, string ObjectId, string DeviceId, long? EditorialDuration = null, string? Channel = null);
