using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Bulletin.Broadcast.Live;

/// <summary>
/// Tells every open rundown page and prompter that something they show has changed: the rundown itself, or a story
/// whose script they show. Messages carry only ids and a version, never text, so a page fetches what it may see
/// through its own signed-in request; any member of staff may listen.
/// </summary>
[Authorize]
public sealed class RundownHub : Hub
{
    public const string Path = "/newsroom/live";

    /// <summary>More stories than a show could hold; a page asking for more is cut short rather than trusted.</summary>
    public const int MaxStories = 500;

    /// <summary>Listens to one rundown and the stories on it; called again when the page's stories change.</summary>
    public async Task Watch(string rundownId, string[]? storyIds)
    {
        if (!Guid.TryParse(rundownId, out var id))
        {
            throw new HubException("Not a rundown id.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RundownLive.RundownGroup(id), Context.ConnectionAborted);
        foreach (var story in (storyIds ?? []).Take(MaxStories))
        {
            if (Guid.TryParse(story, out var storyId))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, RundownLive.StoryGroup(storyId), Context.ConnectionAborted);
            }
        }
    }
}
