using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// A rundown as MOS devices see it: each item that is not floated is a story (id, page, slug, timing), and a story
/// line carries its script as a body for roStorySend, read lines apart from cues and recordings. The studio objects
/// attached to a line are its story's items, each with its own id and the device's objID and objDur.
/// </summary>
public static class RundownRunningOrder
{
    public static MosRunningOrder From(Rundown rundown, IReadOnlyDictionary<Guid, StoryContent> scripts, DateTimeOffset? now = null)
    {
        var timing = rundown.Timing(scripts, now).Items.ToDictionary(t => t.ItemId);
        var stories = rundown.Items
            .Where(i => !i.Floated)
            .Select(i =>
            {
                var t = timing[i.Id];
                var script = i.StoryId is { } storyId ? scripts.GetValueOrDefault(storyId) : null;
                return new MosStory(Id(i.Id), i.Slug, i.Page, t.Duration, t.TextTime, t.MediaTime, Items(i), script is null ? [] : Body(script));
            })
            .ToList();
        return new MosRunningOrder(Id(rundown.Id), $"{rundown.Show} {rundown.AirDate:yyyy-MM-dd}", rundown.Start, rundown.HardOut - rundown.Start, stories);
    }

    public static string Id(Guid id) => id.ToString("N");

    /// <summary>The line's studio objects as MOS items, in order.</summary>
    public static IReadOnlyList<MosItem> Items(RundownItem item) =>
        [.. item.Objects.Select(o => new MosItem(Id(o.Id), o.Slug, o.ObjectId, o.DeviceId, o.EditorialDuration))];

    /// <summary>The script as the prompter reads it: anchor and reporter lines, with cue lines set apart.</summary>
    public static IReadOnlyList<MosParagraph> Body(StoryContent script)
    {
        var body = new List<MosParagraph>();
        var segments = script.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var recorded = segment.Duration is not null;
            switch (segment.Kind)
            {
                case SegmentKind.Soundbite:
                    body.Add(new MosParagraph(Cue("SOT", segment, segment.Duration), MosParagraphKind.Instruction));
                    body.AddRange(segment.Paragraphs.Select(p => new MosParagraph(p, MosParagraphKind.Package)));
                    break;
                case SegmentKind.Reporter when recorded:
                    body.Add(new MosParagraph(Cue("PKG", segment, segment.Duration), MosParagraphKind.Instruction));
                    body.AddRange(segment.Paragraphs.Select(p => new MosParagraph(p, MosParagraphKind.Package)));
                    break;
                case SegmentKind.Speaker when segment.Speaker is { } speaker:
                    body.Add(new MosParagraph(speaker, MosParagraphKind.Instruction));
                    body.AddRange(segment.Paragraphs.Select(p => new MosParagraph(p)));
                    break;
                default:
                    body.AddRange(segment.Paragraphs.Select(p => new MosParagraph(p)));
                    break;
            }
        }

        if (script.SignOff is { Length: > 0 } signOff)
        {
            body.Add(new MosParagraph(signOff));
        }

        return body;
    }

    private static string Cue(string what, ScriptSegment segment, TimeSpan? duration)
    {
        var who = string.Join(", ", new[] { segment.Speaker, segment.Title }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var length = duration is { } d ? $" {MosValues.Duration(d)}" : "";
        return who.Length > 0 ? $"{what}{length}: {who}" : $"{what}{length}";
    }
}
