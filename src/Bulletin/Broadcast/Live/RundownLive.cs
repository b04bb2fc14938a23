using Microsoft.AspNetCore.SignalR;

namespace Bulletin.Broadcast.Live;

/// <summary>
/// Where a change is announced to the open pages: the rundown service after each saved change, the outbox
/// processor after each story change (so an edit in the script editor, the API or an import moves the rundown's
/// times and the prompter's text). With several nodes a SignalR backplane carries it to every node's pages.
/// </summary>
public sealed partial class RundownLive(IHubContext<RundownHub> hub, ILogger<RundownLive> logger)
{
    public static string RundownGroup(Guid rundownId) => $"rundown:{rundownId:N}";

    public static string StoryGroup(Guid storyId) => $"story:{storyId:N}";

    public async Task RundownChangedAsync(Guid rundownId, int version)
    {
        try
        {
            await hub.Clients.Group(RundownGroup(rundownId)).SendAsync("rundown", rundownId.ToString("N"), version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is saved; an open page that misses the news catches up on its next change or reload.
            LogFailed(logger, e);
        }
    }

    /// <summary>
    /// A studio device reported on a running order (roElementStat): its rundown's pages fetch the grid again. The
    /// rundown's version has not changed, so this is news of its own ("studio"), which a page never skips.
    /// </summary>
    public async Task StudioReportedAsync(string runningOrderId)
    {
        // Running orders are the rundowns' ids; one a device made up names no page.
        if (!Guid.TryParseExact(runningOrderId, "N", out var rundownId))
        {
            return;
        }

        try
        {
            await hub.Clients.Group(RundownGroup(rundownId)).SendAsync("studio", rundownId.ToString("N"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    public async Task StoriesChangedAsync(IReadOnlyCollection<Guid> storyIds)
    {
        if (storyIds.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var id in storyIds)
            {
                await hub.Clients.Group(StoryGroup(id)).SendAsync("story", id.ToString("N"));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A rundown change could not be announced to the open pages")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
