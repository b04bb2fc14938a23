using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Publishing;

/// <summary>
/// Publishes scheduled stories when their time comes, checking every second, so a story goes live on time with
/// no request to the site. At start-up it first publishes whatever came due while Bulletin was down, and logs
/// each as late. With several nodes, each story's version makes sure only one of them publishes it.
/// </summary>
public sealed partial class StoryScheduler(IServiceScopeFactory scopes, TimeProvider time, ILogger<StoryScheduler> logger)
    : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>A story published this long after its time was missed (Bulletin was down), not merely polled.</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(CheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes every scheduled story whose time has come. Returns how many went live.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var due = await db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Scheduled && s.ScheduledAt <= now)
            .Select(s => new { s.Id, s.ScheduledAt, s.Headline })
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var story in due)
        {
            await using var storyScope = scopes.CreateAsyncScope();
            var stories = storyScope.ServiceProvider.GetRequiredService<NewsroomStories>();
            var result = await stories.PerformAsync(story.Id, StoryAction.Publish, StaffActor.Scheduler, cancellationToken);
            if (!result.Succeeded)
            {
                // Rescheduled, killed or published by someone (or another node) in the meantime.
                continue;
            }

            published++;
            var lateness = now - story.ScheduledAt!.Value;
            if (lateness > LateAfter)
            {
                LogLate(logger, story.Headline, story.Id, story.ScheduledAt.Value, lateness);
            }
            else
            {
                LogPublished(logger, story.Headline, story.Id);
            }
        }

        return published;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled stories failed; it will be tried again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled story \"{Headline}\" ({Id})")]
    private static partial void LogPublished(ILogger logger, string headline, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published scheduled story \"{Headline}\" ({Id}) LATE: it was due at {DueAt:O}, {Lateness} ago, while Bulletin was not running")]
    private static partial void LogLate(ILogger logger, string headline, Guid id, DateTimeOffset dueAt, TimeSpan lateness);
}
