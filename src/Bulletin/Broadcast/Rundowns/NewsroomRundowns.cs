using Bulletin.Broadcast.Mos;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Rundowns;
using Bulletin.Newsroom;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Broadcast.Rundowns;

/// <summary>
/// Every change producers make to rundowns, for the pages and the staff API alike: load the rundown, let the
/// aggregate decide (its workflow table says who may do what in which state), save it with its version in the
/// UPDATE's WHERE, write an audit line, and bring the studio's MOS devices and every open rundown page into step. A change based on an older
/// version is refused, never merged.
/// </summary>
public sealed class NewsroomRundowns(BulletinDbContext db, TimeProvider time, SiteClock clock, MosRundownFeed feed, Live.RundownLive live,
    PresenterRoster presenters)
{
    /// <summary>The most rundowns one list answers with: a few days of a channel's shows.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// How often a change without a version is tried when other saves keep slipping in first: each loss means another
    /// change was saved, so only a room of people editing at once loses this many in a row.
    /// </summary>
    private const int MaxAttempts = 10;

    /// <summary>Rundowns airing from one date to another (inclusive), in order of air date and start, without their items.</summary>
    public Task<List<Rundown>> ListAsync(DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken) =>
        db.Rundowns.AsNoTracking()
            .Where(r => r.AirDate >= from && r.AirDate <= to)
            .OrderBy(r => r.AirDate).ThenBy(r => r.Start).ThenBy(r => r.Id)
            .Take(Math.Clamp(limit, 1, MaxListed))
            .ToListAsync(cancellationToken);

    /// <summary>A rundown in running order with the stories it names, read as they are saved now.</summary>
    public async Task<RundownSheet?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var rundown = await db.Rundowns.AsNoTracking().WithRunningOrder().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rundown is null ? null : await SheetAsync(rundown, cancellationToken);
    }

    public Task<Story?> FindStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);

    /// <summary>
    /// Starts a rundown in planning. Whoever may plan one (the table's edit in planning) may start one; its air date
    /// is the start's date in the site's zone unless given.
    /// </summary>
    public async Task<RundownChange> CreateAsync(string show, Language language, DateTimeOffset start, DateTimeOffset hardOut,
        DateOnly? airDate, ReadTimeOptions? readRate, StaffActor actor, CancellationToken cancellationToken, string? presenter = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (RundownWorkflow.Table.Check(actor.Roles, RundownStatus.Planning, RundownAction.Edit) is { Succeeded: false } refused)
        {
            return new RundownChange(refused.Outcome, null, refused.Reason);
        }

        if (Rundown.CheckLine(show, RundownWorkflowText.ShowEmpty, RundownWorkflowText.ShowTooLong) is { } badName)
        {
            return new RundownChange(WorkflowOutcome.Invalid, null, badName);
        }

        if (hardOut <= start)
        {
            return new RundownChange(WorkflowOutcome.Invalid, null, RundownWorkflowText.HardOutBeforeStart);
        }

        if (Rundown.CheckRate(readRate, presenter) is { } badRate)
        {
            return new RundownChange(WorkflowOutcome.Invalid, null, badRate);
        }

        var now = time.GetUtcNow();
        // A show no one has chosen a rate for reads at the newsroom's usual one.
        var rundown = Rundown.Create(Guid.CreateVersion7(now), show, airDate ?? clock.DayOf(start), language, start, hardOut,
            readRate ?? presenters.Usual, presenter);
        db.Rundowns.Add(rundown);
        Record(rundown, "create", actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return new RundownChange(WorkflowOutcome.Done, new RundownSheet(rundown, new Dictionary<Guid, Story>()));
    }

    /// <summary>
    /// One change to a rundown. <paramref name="basedOn"/>, when given, must be the saved version. Roles and state
    /// are checked before the version, so a caller who may never do this hears so before hearing they are stale.
    /// </summary>
    /// <param name="change">The change on the aggregate, given the time now (a Take needs it).</param>
    /// <param name="what">The audit line's action ("item.move", "take").</param>
    public async Task<RundownChange> ChangeAsync(Guid id, RundownAction action, int? basedOn, StaffActor actor,
        Func<Rundown, DateTimeOffset, WorkflowResult> change, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        // A change sent without a version means "on the rundown as it is": when another save slips in between our
        // read and our write, it is made again on the newer rundown rather than refused.
        for (var attempt = 1; ; attempt++)
        {
            var rundown = await db.Rundowns.WithRunningOrder().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (rundown is null)
            {
                return new RundownChange(WorkflowOutcome.NotFound, null);
            }

            if (RundownWorkflow.Table.Check(actor.Roles, rundown.Status, action) is { Succeeded: false } refused)
            {
                return new RundownChange(refused.Outcome, await SheetAsync(rundown, cancellationToken), refused.Reason);
            }

            if (basedOn is { } expected && rundown.Version != expected)
            {
                return new RundownChange(WorkflowOutcome.Stale, await SheetAsync(rundown, cancellationToken),
                    RundownWorkflowText.ChangedWhileYouWorked.With(expected, rundown.Version));
            }

            var now = time.GetUtcNow();
            var version = rundown.Version;
            var before = rundown.Status;
            var result = change(rundown, now);
            if (result.Outcome != WorkflowOutcome.Done)
            {
                return new RundownChange(result.Outcome, await SheetAsync(rundown, cancellationToken), result.Reason);
            }

            Record(rundown, what, actor, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (basedOn is null && attempt < MaxAttempts)
                {
                    continue;
                }

                var current = await FindAsync(id, cancellationToken);
                return current is null
                    ? new RundownChange(WorkflowOutcome.NotFound, null)
                    : new RundownChange(WorkflowOutcome.Stale, current, RundownWorkflowText.ChangedWhileYouWorked.With(version, current.Rundown.Version));
            }

            // Saved, so sent whatever becomes of this request.
            await feed.ChangedAsync(db, rundown, before, CancellationToken.None);
            // Every open copy of the rundown page and its prompter fetch it again.
            await live.RundownChangedAsync(rundown.Id, rundown.Version);
            return new RundownChange(WorkflowOutcome.Done, await SheetAsync(rundown, cancellationToken));
        }
    }

    private async Task<RundownSheet> SheetAsync(Rundown rundown, CancellationToken cancellationToken) =>
        (await db.WithStoriesAsync([rundown], cancellationToken))[0];

    private void Record(Rundown rundown, string what, StaffActor actor, DateTimeOffset now) =>
        db.AuditLog.Add(new AuditEntry(actor.Id, actor.Name, "rundown." + what, $"rundown:{rundown.Id}",
            $"v{rundown.Version} {rundown.Show} {rundown.AirDate:yyyy-MM-dd}", now));
}
