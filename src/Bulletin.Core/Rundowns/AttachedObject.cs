namespace Bulletin.Core.Rundowns;

/// <summary>
/// A studio object (a clip, a graphic) a producer attached to a line, as the device that offers it described it
/// (mosObj): the line goes to the studio with it as one of its MOS items. Its duration is shown beside the line
/// but does not time it: the story's media time comes from its soundbite and package segments, which are what such a
/// clip records, so counting the clip too would count the same seconds twice (see <see cref="RundownTimer"/>).
/// </summary>
public sealed class AttachedObject
{
    /// <summary>MOS ids and slugs have at most 128 characters.</summary>
    public const int MaxIdLength = 128;

    private AttachedObject()
    {
        // For EF Core.
        DeviceId = "";
        ObjectId = "";
        Slug = "";
    }

    internal AttachedObject(Guid id, string deviceId, string objectId, string slug, TimeSpan? duration, long? editorialDuration)
    {
        Id = id;
        DeviceId = deviceId;
        ObjectId = objectId;
        Slug = slug;
        Duration = duration;
        EditorialDuration = editorialDuration;
    }

    /// <summary>Its own id, which is the MOS itemID inside the line's story.</summary>
    public Guid Id { get; private set; }

    /// <summary>The MOS id of the device that offers the object (mosID).</summary>
    public string DeviceId { get; private set; }

    /// <summary>The device's id for the object (objID).</summary>
    public string ObjectId { get; private set; }

    public string Slug { get; private set; }

    /// <summary>How long the object runs, from the device's objDur at its objTB; null for a still graphic.</summary>
    public TimeSpan? Duration { get; private set; }

    /// <summary>The device's own objDur (frames at the object's time base), sent back as the item's itemEdDur.</summary>
    public long? EditorialDuration { get; private set; }
}
