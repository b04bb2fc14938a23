using System.Text.Json.Serialization;
using Bulletin.Broadcast.Mos;
using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A rundown as the staff API shows it, timed now: every line in running order with its timing, each block against
/// its budget, the total and the projected end, and <c>overUnder</c> in seconds (positive when the show runs past
/// its hard out). <c>actions</c> are what the caller's roles may do from this state. <c>readRate</c> is the show's, taken
/// from its <c>presenter</c> when one was chosen.
/// </summary>
public sealed record RundownResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("show")] string Show,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("airDate")] DateOnly AirDate,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("hardOut")] string HardOut,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("actions")] IReadOnlyList<string> Actions,
    [property: JsonPropertyName("onAirItemId")] Guid? OnAirItemId,
    [property: JsonPropertyName("nextItemId")] Guid? NextItemId,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("projectedEnd")] string ProjectedEnd,
    [property: JsonPropertyName("overUnder")] int OverUnder,
    [property: JsonPropertyName("blocks")] IReadOnlyList<RundownBlockResponse> Blocks,
    [property: JsonPropertyName("items")] IReadOnlyList<RundownItemResponse> Items,
    [property: JsonPropertyName("presenter")] string? Presenter,
    [property: JsonPropertyName("readRate")] ReadRateJson ReadRate)
{
    /// <param name="studio">What the MOS devices last reported for this rundown's running order; none without MOS.</param>
    public static RundownResponse From(RundownSheet sheet, SiteClock clock, DateTimeOffset now, IEnumerable<string> roles,
        IReadOnlyList<MosElementStatus>? studio = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(clock);
        var rundown = sheet.Rundown;
        var reported = (studio ?? [])
            .Where(s => s.StoryId is not null && s.ItemId is null)
            .GroupBy(s => s.StoryId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DeviceId, StringComparer.Ordinal)
                .Select(s => new RundownDeviceStatus(s.DeviceId, s.Status, Iso(clock, s.Time))).ToList(), StringComparer.Ordinal);
        var itemReports = (studio ?? [])
            .Where(s => s.StoryId is not null && s.ItemId is not null)
            .GroupBy(s => (s.StoryId!, s.ItemId!))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DeviceId, StringComparer.Ordinal)
                .Select(s => new RundownDeviceStatus(s.DeviceId, s.Status, Iso(clock, s.Time))).ToList());
        var timing = sheet.Timing(now);
        var times = timing.Items.ToDictionary(t => t.ItemId);
        var items = new List<RundownItemResponse>();
        foreach (var block in rundown.Blocks)
        {
            foreach (var item in block.Items)
            {
                var t = times[item.Id];
                var story = item.StoryId is { } storyId ? sheet.Stories.GetValueOrDefault(storyId) : null;
                items.Add(new RundownItemResponse(
                    item.Id, item.Kind.ToString().ToLowerInvariant(), item.StoryId, item.Slug, item.Page, block.Letter, block.Id,
                    Seconds(t.Duration), Seconds(t.TextTime), Seconds(t.MediaTime), item.PlannedDuration is { } p ? Seconds(p) : null,
                    item.Floated, Iso(clock, t.FrontTime), Iso(clock, t.BackTime), t.Cume is { } c ? Seconds(c) : null,
                    Iso(clock, item.HardStart), t.HardStartOff is { } off ? Seconds(off) : null, ItemState(item.State),
                    story?.Headline, story?.Status.ToCode(), t.OnAir, t.Aired, Iso(clock, item.TakenAt),
                    reported.GetValueOrDefault(RundownRunningOrder.Id(item.Id)) ?? [],
                    item.Presenter, ReadRateJson.From(item.ReadRate),
                    [.. item.Objects.Select(o => new RundownObjectResponse(o.Id, o.DeviceId, o.ObjectId, o.Slug,
                        o.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null,
                        itemReports.GetValueOrDefault((RundownRunningOrder.Id(item.Id), RundownRunningOrder.Id(o.Id))) ?? []))]));
            }
        }

        return new RundownResponse(
            rundown.Id, rundown.Version, rundown.Show, rundown.Language.ToCode(), rundown.AirDate, clock.Iso(rundown.Start),
            clock.Iso(rundown.HardOut), RundownStatuses.Codes.Of(rundown.Status),
            [.. RundownWorkflow.Table.ActionsFor(roles, rundown.Status).Select(RundownActions.Codes.Of)],
            rundown.OnAirItemId, rundown.NextItemId, Seconds(timing.Total), clock.Iso(timing.ProjectedEnd), Seconds(timing.OverUnder),
            [.. timing.Blocks.Select(b => new RundownBlockResponse(b.BlockId, b.Letter, b.Name, Seconds(b.Budget), Seconds(b.Total), Seconds(b.OverUnder)))],
            items, rundown.Presenter, ReadRateJson.From(rundown.ReadRate)!);
    }

    /// <summary>The codes of line states: not-ready, ready, approved.</summary>
    public static string ItemState(RundownItemState state) => state switch
    {
        RundownItemState.NotReady => "not-ready",
        _ => state.ToString().ToLowerInvariant(),
    };

    // Timing is in whole seconds already; this only changes the unit.
    private static int Seconds(TimeSpan t) => (int)Math.Round(t.TotalSeconds, MidpointRounding.AwayFromZero);

    private static string? Iso(SiteClock clock, DateTimeOffset? t) => t is { } v ? clock.Iso(v) : null;
}
