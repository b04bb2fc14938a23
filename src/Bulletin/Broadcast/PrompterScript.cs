using Bulletin.Broadcast.Mos;

namespace Bulletin.Broadcast;

/// <summary>
/// What the prompter shows: every item that is not floated, in running order, with the lines the presenter reads and
/// the cues set apart. The lines are the same body the MOS devices get (<see cref="RundownRunningOrder.Body"/>), less
/// what a recording says, which nobody in the studio reads.
/// </summary>
public static class PrompterScript
{
    public static IReadOnlyList<PrompterItem> Of(RundownGrid grid)
    {
        var rundown = grid.Rundown;
        return
        [
            .. grid.Rows
                .Where(r => !r.Item.Floated)
                .Select(r => new PrompterItem(r.Item.Id, r.Item.StoryId, r.Item.Page, r.Item.Slug, r.Item.Id == rundown.OnAirItemId, r.Item.Id == rundown.NextItemId,
                    r.Story is { } story ? [.. RundownRunningOrder.Body(story.Content).Where(p => p.Kind != MosParagraphKind.Package)] : [])),
        ];
    }
}
