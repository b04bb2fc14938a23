using System.Globalization;
using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// An object a device offers (a clip, a graphic), as its mosObj describes it; Frames is its objDur as written (frames
/// at its objTB), which an item naming it carries back as itemEdDur.
/// </summary>
public sealed record MosObject(string DeviceId, string Id, string Slug, string? Type, TimeSpan? Duration, string? Status, DateTimeOffset ReceivedAt,
    long? Frames = null)
{
    public static MosObject? From(string deviceId, XElement mosObj, DateTimeOffset now)
    {
        var id = MosCodec.Text(mosObj, "objID");
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            return null;
        }

        var frames = long.TryParse(MosCodec.Text(mosObj, "objDur"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : (long?)null;
        var timeBase = double.TryParse(MosCodec.Text(mosObj, "objTB"), NumberStyles.Float, CultureInfo.InvariantCulture, out var tb) ? tb : 0;
        return new MosObject(deviceId, id, Truncate(MosCodec.Text(mosObj, "objSlug") ?? "", 128), MosCodec.Text(mosObj, "objType"),
            frames is { } n ? MosValues.FromFrames(n, timeBase) : null, MosCodec.Text(mosObj, "status"), now, frames);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
