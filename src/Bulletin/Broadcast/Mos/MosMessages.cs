using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace Bulletin.Broadcast.Mos;

/// <summary>The bodies of the MOS messages the newsroom system sends and answers with (MOS 2.8.5, profiles 0, 1, 2, 4).</summary>
public static class MosMessages
{
    /// <summary>Where Bulletin's own timing sits inside a story's mosExternalMetadata.</summary>
    public const string TimingSchema = "urn:bulletin:mos:timing";

    // --- profile 0 ---------------------------------------------------------------------------------------------

    public static XElement Heartbeat(DateTimeOffset now) => new("heartbeat", new XElement("time", MosValues.Time(now)));

    public static XElement ReqMachInfo() => new("reqMachInfo");

    public static XElement ListMachInfo(string ncsId, DateTimeOffset now, DateTimeOffset startedAt)
    {
        var version = typeof(MosMessages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";
        return new XElement("listMachInfo",
            new XElement("manufacturer", "Bulletin"),
            new XElement("model", "Bulletin newsroom"),
            new XElement("hwRev", ""),
            new XElement("swRev", version.Split('+')[0]),
            new XElement("DOM", ""),
            new XElement("SN", ncsId),
            new XElement("ID", ncsId),
            new XElement("time", MosValues.Time(now)),
            new XElement("opTime", MosValues.Time(startedAt)),
            new XElement("mosRev", "2.8.5"),
            new XElement("supportedProfiles", new XAttribute("deviceType", "NCS"),
                Enumerable.Range(0, 8).Select(p => new XElement("mosProfile", new XAttribute("number", p),
                    p is 0 or 1 or 2 or 4 ? "YES" : "NO"))));
    }

    // --- profile 1 ---------------------------------------------------------------------------------------------

    public static XElement MosAck(string objectId, bool ok, string? description = null) => new("mosAck",
        new XElement("objID", objectId),
        new XElement("objRev", 0),
        new XElement("status", ok ? "ACK" : "NACK"),
        new XElement("statusDescription", description ?? ""));

    public static XElement MosReqAll(bool pause = false) => new("mosReqAll", new XElement("pause", pause ? 1 : 0));

    // --- profile 2 ---------------------------------------------------------------------------------------------

    /// <summary>An acknowledgement: "OK", or the error in words for the device's log.</summary>
    public static XElement RoAck(string runningOrderId, string status) =>
        new("roAck", new XElement("roID", runningOrderId), new XElement("roStatus", status));

    /// <summary>The whole order; a device that still holds one with its id refuses it, and then gets it as roReplace.</summary>
    public static MosCommand RoCreate(MosRunningOrder order) => new(order.Id, RunningOrder("roCreate", order)) { IfRefused = RoReplace(order) };

    public static MosCommand RoReplace(MosRunningOrder order) => new(order.Id, RunningOrder("roReplace", order));

    public static MosCommand RoDelete(string runningOrderId) => new(runningOrderId, new XElement("roDelete", new XElement("roID", runningOrderId)));

    public static MosCommand RoMetadataReplace(MosRunningOrder order) => new(order.Id, new XElement("roMetadataReplace", Header(order)));

    public static MosCommand RoReadyToAir(string runningOrderId, bool ready) => new(runningOrderId,
        new XElement("roReadyToAir", new XElement("roID", runningOrderId), new XElement("roAir", ready ? "READY" : "NOT READY")));

    /// <summary>Stories inserted before a story, or at the end when <paramref name="beforeStoryId"/> is null.</summary>
    public static MosCommand InsertStories(string runningOrderId, string? beforeStoryId, IEnumerable<MosStory> stories) =>
        ElementAction(runningOrderId, "INSERT", Target(beforeStoryId ?? "", null), stories.Select(Story));

    public static MosCommand ReplaceStory(string runningOrderId, MosStory story) =>
        ElementAction(runningOrderId, "REPLACE", Target(story.Id, null), [Story(story)]);

    /// <summary>Stories moved, in the order given, before a story, or to the end when <paramref name="beforeStoryId"/> is null.</summary>
    public static MosCommand MoveStories(string runningOrderId, string? beforeStoryId, IEnumerable<string> storyIds) =>
        ElementAction(runningOrderId, "MOVE", Target(beforeStoryId ?? "", null), storyIds.Select(id => new XElement("storyID", id)));

    public static MosCommand SwapStories(string runningOrderId, string first, string second) =>
        ElementAction(runningOrderId, "SWAP", null, [new XElement("storyID", first), new XElement("storyID", second)]);

    public static MosCommand DeleteStories(string runningOrderId, IEnumerable<string> storyIds) =>
        ElementAction(runningOrderId, "DELETE", null, storyIds.Select(id => new XElement("storyID", id)));

    public static MosCommand InsertItems(string runningOrderId, string storyId, string? beforeItemId, IEnumerable<MosItem> items) =>
        ElementAction(runningOrderId, "INSERT", Target(storyId, beforeItemId ?? ""), items.Select(Item));

    public static MosCommand ReplaceItem(string runningOrderId, string storyId, MosItem item) =>
        ElementAction(runningOrderId, "REPLACE", Target(storyId, item.Id), [Item(item)]);

    public static MosCommand MoveItems(string runningOrderId, string storyId, string? beforeItemId, IEnumerable<string> itemIds) =>
        ElementAction(runningOrderId, "MOVE", Target(storyId, beforeItemId ?? ""), itemIds.Select(id => new XElement("itemID", id)));

    public static MosCommand SwapItems(string runningOrderId, string storyId, string first, string second) =>
        ElementAction(runningOrderId, "SWAP", Target(storyId, null), [new XElement("itemID", first), new XElement("itemID", second)]);

    public static MosCommand DeleteItems(string runningOrderId, string storyId, IEnumerable<string> itemIds) =>
        ElementAction(runningOrderId, "DELETE", Target(storyId, null), itemIds.Select(id => new XElement("itemID", id)));

    /// <summary>The answer to roReq.</summary>
    public static XElement RoList(MosRunningOrder order) => RunningOrder("roList", order);

    /// <summary>The answer to roReqAll: every running order's header.</summary>
    public static XElement RoListAll(IEnumerable<MosRunningOrder> orders) =>
        new("roListAll", orders.Select(o => new XElement("ro", Header(o))));

    // --- profile 4 ---------------------------------------------------------------------------------------------

    /// <summary>A story's full script for the prompter and other devices.</summary>
    public static MosCommand RoStorySend(string runningOrderId, MosStory story) => new(runningOrderId,
        new XElement("roStorySend",
            new XElement("roID", runningOrderId),
            new XElement("storyID", story.Id),
            new XElement("storySlug", story.Slug),
            new XElement("storyNum", story.Number ?? ""),
            new XElement("storyBody", story.Body.Select(Paragraph), story.Items.Select(i => StoryItem(i))),
            Timing(story)));

    // --- parts ---------------------------------------------------------------------------------------------------

    private static XElement RunningOrder(string name, MosRunningOrder order) =>
        new(name, Header(order), order.Stories.Select(Story));

    private static IEnumerable<XElement> Header(MosRunningOrder order)
    {
        yield return new XElement("roID", order.Id);
        yield return new XElement("roSlug", order.Slug);
        if (order.EditorialStart is { } start)
        {
            yield return new XElement("roEdStart", MosValues.Time(start));
        }

        if (order.EditorialDuration is { } duration)
        {
            yield return new XElement("roEdDur", MosValues.Duration(duration));
        }
    }

    private static XElement Story(MosStory story) => new("story",
        new XElement("storyID", story.Id),
        new XElement("storySlug", story.Slug),
        new XElement("storyNum", story.Number ?? ""),
        Timing(story),
        story.Items.Select(Item));

    private static XElement? Timing(MosStory story) => story.Duration is null && story.TextTime is null && story.MediaTime is null
        ? null
        : new XElement("mosExternalMetadata",
            new XElement("mosScope", "PLAYLIST"),
            new XElement("mosSchema", TimingSchema),
            new XElement("mosPayload",
                Seconds("TotalTime", story.Duration),
                Seconds("TextTime", story.TextTime),
                Seconds("MediaTime", story.MediaTime),
                story.Duration is { } d ? new XElement("Duration", MosValues.Duration(d)) : null));

    private static XElement? Seconds(string name, TimeSpan? value) =>
        value is { } v ? new XElement(name, ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture)) : null;

    private static XElement Item(MosItem item) => new("item", ItemFields(item));

    private static XElement StoryItem(MosItem item) => new("storyItem", ItemFields(item));

    private static IEnumerable<XElement> ItemFields(MosItem item)
    {
        yield return new XElement("itemID", item.Id);
        if (item.Slug is { } slug)
        {
            yield return new XElement("itemSlug", slug);
        }

        yield return new XElement("objID", item.ObjectId);
        yield return new XElement("mosID", item.DeviceId);
        if (item.Channel is { } channel)
        {
            yield return new XElement("itemChannel", channel);
        }

        if (item.EditorialDuration is { } duration)
        {
            yield return new XElement("itemEdDur", duration);
        }
    }

    private static XElement Paragraph(MosParagraph paragraph) => paragraph.Kind switch
    {
        MosParagraphKind.Instruction => new XElement("p", new XElement("pi", paragraph.Text)),
        MosParagraphKind.Package => new XElement("p", new XElement("pkg", paragraph.Text)),
        _ => new XElement("p", paragraph.Text),
    };

    private static XElement Target(string storyId, string? itemId) =>
        new("element_target", new XElement("storyID", storyId), itemId is null ? null : new XElement("itemID", itemId));

    private static MosCommand ElementAction(string runningOrderId, string operation, XElement? target, IEnumerable<XElement> sources) =>
        new(runningOrderId, new XElement("roElementAction", new XAttribute("operation", operation),
            new XElement("roID", runningOrderId),
            target,
            new XElement("element_source", sources)));
}
