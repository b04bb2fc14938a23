using Bulletin.Core.Stories;
using Bulletin.Core.Timing;

namespace Bulletin.Core.Rundowns;

/// <summary>
/// Times a rundown to the second. Each item's text time is its read-aloud segments at the presenter's rate,
/// rounded to the nearest second so that every column adds up exactly as a producer adds it by hand; media time is
/// the sum of its recorded segments; its duration is the producer's when set, else text plus media. Floated items
/// leave the timing. With items i = 1..n that count:
/// front(i) = start + Σ duration(j &lt; i), back(i) = hardOut − Σ duration(j ≥ i), cume(i) = Σ duration(j ≤ i).
/// On air, an item that has aired counts its real running time and starts when it was taken, and the item on air
/// counts the longer of its estimate and the time it has been running.
/// </summary>
public static class RundownTimer
{
    public static RundownTiming Compute(Rundown rundown, IReadOnlyDictionary<Guid, StoryContent> scripts, DateTimeOffset? now = null)
    {
        var order = rundown.Items;
        var durations = new List<(RundownItem Item, TimeSpan Text, TimeSpan Media, TimeSpan Duration)>(order.Count);
        foreach (var item in order)
        {
            var (text, media) = Estimate(rundown, item, scripts);
            var duration = item.PlannedDuration is { } planned ? WholeSeconds(planned) : text + media;
            if (item.AiredDuration is { } aired)
            {
                duration = aired;
            }
            else if (item.Id == rundown.OnAirItemId && item.TakenAt is { } taken && now is { } clock)
            {
                var running = WholeSeconds(clock.ToUniversalTime() - taken);
                duration = running > duration ? running : duration;
            }

            durations.Add((item, text, media, duration));
        }

        var counted = durations.Where(d => !d.Item.Floated).ToList();
        var total = counted.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Duration);

        var fronts = new Dictionary<Guid, DateTimeOffset>();
        var front = rundown.Start;
        foreach (var d in counted)
        {
            front = d.Item.TakenAt ?? front;
            fronts[d.Item.Id] = front;
            front += d.Duration;
        }

        var projectedEnd = front;
        var remaining = total;
        var cume = TimeSpan.Zero;
        var items = new List<ItemTiming>(durations.Count);
        foreach (var d in durations)
        {
            if (d.Item.Floated)
            {
                items.Add(new ItemTiming(d.Item.Id, d.Item.Page, d.Item.Slug, d.Text, d.Media, d.Duration, true,
                    false, false, null, null, null, null));
                continue;
            }

            cume += d.Duration;
            var itemFront = fronts[d.Item.Id];
            items.Add(new ItemTiming(d.Item.Id, d.Item.Page, d.Item.Slug, d.Text, d.Media, d.Duration, false,
                d.Item.HasAired, d.Item.Id == rundown.OnAirItemId, itemFront, rundown.HardOut - remaining, cume,
                d.Item.HardStart is { } hardStart ? itemFront - hardStart : null));
            remaining -= d.Duration;
        }

        var blocks = rundown.Blocks
            .Select(b => new BlockTiming(b.Id, b.Letter, b.Name, b.Budget,
                counted.Where(d => b.Items.Contains(d.Item)).Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Duration)))
            .ToList();

        return new RundownTiming(items, blocks, total, projectedEnd, projectedEnd - rundown.HardOut);
    }

    /// <summary>Text time and media time of one item as planned, in whole seconds.</summary>
    public static (TimeSpan Text, TimeSpan Media) Estimate(Rundown rundown, RundownItem item, IReadOnlyDictionary<Guid, StoryContent> scripts)
    {
        if (item.StoryId is not { } storyId || !scripts.TryGetValue(storyId, out var content))
        {
            return (TimeSpan.Zero, TimeSpan.Zero);
        }

        var rate = item.ReadRate ?? rundown.ReadRate;
        var text = TimeSpan.Zero;
        var media = TimeSpan.Zero;
        for (var i = 0; i < content.Segments.Count; i++)
        {
            if (content.Segments[i].Duration is { } recorded)
            {
                media += WholeSeconds(recorded);
            }
            else
            {
                text += ReadTime.Of(content.Segments[i], content.Language, rate);
            }
        }

        if (content.SignOff is { } signOff)
        {
            text += ReadTime.Of(signOff, content.Language, rate);
        }

        return (Round(text), media);
    }

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds, MidpointRounding.AwayFromZero));

    private static TimeSpan WholeSeconds(TimeSpan t) => TimeSpan.FromSeconds(Math.Floor(t.TotalSeconds));
}
