using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Site;
using Bulletin.Tips.Channels.Email;
using Bulletin.Tips.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tips.Desk;

/// <summary>
/// What the tip desk does with tips, and what a tipster can do with a receipt. The staff UI and API (which need
/// staff sign-in) call these; each desk action names the staff member and leaves an audit line without content.
/// </summary>
public sealed class TipDesk(
    BulletinDbContext db,
    TipSealer sealer,
    TipFileStore files,
    Receipts receipts,
    TipMailer mailer,
    SiteClock site)
{
    // ---- the tipster, with a receipt ----

    /// <summary>The tip a receipt belongs to, as its tipster may see it; null for a wrong receipt. A merged tip shows its primary.</summary>
    public async Task<TipsterView?> FindByReceiptAsync(string? phrase, CancellationToken cancellationToken)
    {
        var tip = await ByReceiptAsync(phrase, cancellationToken);
        if (tip is null)
        {
            return null;
        }

        var shown = tip;
        if (tip.DuplicateOfId is { } primaryId)
        {
            shown = await Load(primaryId).SingleOrDefaultAsync(cancellationToken) ?? tip;
        }

        var conversation = tip.Messages.Where(m => m.Author == TipMessageAuthor.Tipster)
            .Concat(shown.Messages.Where(m => m.Author == TipMessageAuthor.DeskReply))
            .Select(m => new TipMessageView(m.Author, null, sealer.Open(m.TipId, m.SealedBody), m.SentOn))
            .OrderBy(m => m.SentOn)
            .ToList();
        return new TipsterView(shown.Status, tip.ReceivedOn, conversation);
    }

    /// <summary>Adds the tipster's further words to the tip. False for a wrong receipt.</summary>
    public async Task<bool> AddFromTipsterAsync(string? phrase, string text, CancellationToken cancellationToken)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
        {
            throw new TipRefusedException(TipRefusal.Empty);
        }

        if (Receipts.Contains(text, phrase ?? ""))
        {
            throw new TipRefusedException(TipRefusal.ContainsReceipt);
        }

        // The tipster's words depend on no version: when the desk changed the tip at the same moment, add them again.
        for (var attempt = 1; ; attempt++)
        {
            var tip = await ByReceiptAsync(phrase, cancellationToken);
            if (tip is null)
            {
                return false;
            }

            tip.AddFromTipster(new TipMessage(Guid.NewGuid(), TipMessageAuthor.Tipster, null, sealer.Seal(tip.Id, text), Today()), Today());
            Audit(tip.Id, "tipster added a message", "tipster");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    // ---- the desk ----

    public async Task<IReadOnlyList<TipSummary>> ListAsync(TipStatus? status, CancellationToken cancellationToken)
    {
        var query = db.ReaderTips.AsNoTracking().Include(t => t.Attachments).AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }

        var tips = await query.OrderByDescending(t => t.LastActivityOn).ToListAsync(cancellationToken);
        return tips.Select(Summarise).ToList();
    }

    /// <summary>
    /// Tips whose text, messages or notes contain <paramref name="text"/> (any case). Tip text is sealed, so the
    /// search opens each tip in memory; the desk's volume (thousands, not millions) allows it.
    /// </summary>
    public async Task<IReadOnlyList<TipSummary>> SearchAsync(string text, TipStatus? status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var query = db.ReaderTips.AsNoTracking().Include(t => t.Attachments).Include(t => t.Messages).AsSplitQuery().AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }

        var found = new List<TipSummary>();
        await foreach (var tip in query.OrderByDescending(t => t.LastActivityOn).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var matches = sealer.Open(tip.Id, tip.SealedText).Contains(text, StringComparison.CurrentCultureIgnoreCase)
                || tip.Messages.Any(m => sealer.Open(tip.Id, m.SealedBody).Contains(text, StringComparison.CurrentCultureIgnoreCase));
            if (matches)
            {
                found.Add(Summarise(tip));
            }
        }

        return found;
    }

    /// <summary>
    /// The desk's queue across channels, newest first: by the day received, then by the order the tips arrived that
    /// day (the sequence of their "received" audit lines, never a time). Optional filters; <paramref name="text"/>
    /// searches text and messages as <see cref="SearchAsync"/> does.
    /// </summary>
    public async Task<IReadOnlyList<TipSummary>> QueueAsync(TipStatus? status, TipChannel? channel, DateOnly? from, DateOnly? to,
        string? text, CancellationToken cancellationToken)
    {
        var query = db.ReaderTips.AsNoTracking().Include(t => t.Attachments).Include(t => t.Messages).AsSplitQuery().AsQueryable();
        if (status is { } wantedStatus)
        {
            query = query.Where(t => t.Status == wantedStatus);
        }

        if (channel is { } wantedChannel)
        {
            query = query.Where(t => t.Channel == wantedChannel);
        }

        if (from is { } first)
        {
            query = query.Where(t => t.ReceivedOn >= first);
        }

        if (to is { } last)
        {
            query = query.Where(t => t.ReceivedOn <= last);
        }

        var tips = await query.ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var wanted = text.Trim();
            tips = tips.Where(t => sealer.Open(t.Id, t.SealedText).Contains(wanted, StringComparison.CurrentCultureIgnoreCase)
                || t.Messages.Any(m => sealer.Open(t.Id, m.SealedBody).Contains(wanted, StringComparison.CurrentCultureIgnoreCase))).ToList();
        }

        var ids = tips.Select(t => t.Id).ToList();
        var arrival = (await db.TipAudit.AsNoTracking().Where(a => a.Action == "received" && ids.Contains(a.TipId))
                .Select(a => new { a.TipId, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.TipId).ToDictionary(g => g.Key, g => g.Min(a => a.Id));
        return tips.OrderByDescending(t => t.ReceivedOn).ThenByDescending(t => arrival.GetValueOrDefault(t.Id)).Select(Summarise).ToList();
    }

    /// <summary>Whether a tip with this id exists (without opening it, so without an audit line).</summary>
    public Task<bool> ExistsAsync(Guid tipId, CancellationToken cancellationToken) =>
        db.ReaderTips.AnyAsync(t => t.Id == tipId, cancellationToken);

    /// <summary>Opens a tip for a staff member; the opening is audited.</summary>
    public async Task<TipView?> ReadAsync(Guid tipId, string staff, CancellationToken cancellationToken)
    {
        var tip = await Load(tipId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (tip is null)
        {
            return null;
        }

        Audit(tip.Id, "opened", staff);
        await db.SaveChangesAsync(cancellationToken);
        return new TipView(tip.Id, tip.Channel, tip.Status, sealer.Open(tip.Id, tip.SealedText), sealer.OpenOrNull(tip.Id, tip.SealedContact),
            tip.MayContact, tip.MayCredit, tip.ReceivedOn, tip.LastActivityOn, tip.AssignedTo, tip.StoryId, tip.DuplicateOfId,
            tip.Attachments.Select(a => new TipFileView(a.Id, sealer.Open(tip.Id, a.SealedName), a.ContentType, a.Length, a.State, a.HadMetadata)).ToList(),
            tip.Messages.OrderBy(m => m.SentOn).Select(m => new TipMessageView(m.Author, m.Staff, sealer.Open(tip.Id, m.SealedBody), m.SentOn)).ToList(),
            tip.Version);
    }

    public Task<WorkflowResult> StartReviewAsync(Guid tipId, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Review, actor, basedOn, "review started", t => t.StartReview(actor, Today()), cancellationToken);

    public Task<WorkflowResult> AssignAsync(Guid tipId, string assignee, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Assign, actor, basedOn, "assigned to " + assignee, t => t.AssignTo(assignee, actor, Today()), cancellationToken);

    public Task<WorkflowResult> DeclineAsync(Guid tipId, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Decline, actor, basedOn, "declined", t => t.Decline(actor, Today()), cancellationToken);

    public Task<WorkflowResult> MarkSpamAsync(Guid tipId, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Spam, actor, basedOn, "marked spam", t => t.MarkSpam(actor, Today()), cancellationToken);

    public Task<WorkflowResult> MarkUsedAsync(Guid tipId, Guid storyId, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Use, actor, basedOn, "used in story " + storyId, t => t.MarkUsed(storyId, actor, Today()), cancellationToken);

    public Task<WorkflowResult> LinkStoryAsync(Guid tipId, Guid storyId, Actor actor, CancellationToken cancellationToken, int? basedOn = null) =>
        ChangeAsync(tipId, TipAction.Link, actor, basedOn, "linked to story " + storyId, t => t.LinkStory(storyId, actor, Today()), cancellationToken);

    /// <summary>A note for the desk only; the tipster never sees it.</summary>
    public Task<WorkflowResult> AddNoteAsync(Guid tipId, Actor actor, string note, CancellationToken cancellationToken, int? basedOn = null) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult(WorkflowResult.Invalid(TipWorkflowText.NoteEmpty))
            : ChangeAsync(tipId, TipAction.Note, actor, basedOn, "note added", t => t.AddDeskMessage(
                new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskNote, actor.Name, sealer.Seal(t.Id, note.Trim()), Today()), actor, Today()),
                cancellationToken);

    /// <summary>
    /// A reply the tipster reads with the receipt. A tip that came by e-mail also gets it by e-mail, when the sender
    /// agreed to be contacted; the e-mail never carries the receipt.
    /// </summary>
    public async Task<WorkflowResult> ReplyAsync(Guid tipId, Actor actor, string reply, CancellationToken cancellationToken, int? basedOn = null)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return WorkflowResult.Invalid(TipWorkflowText.ReplyEmpty);
        }

        reply = reply.Trim();
        ReaderTip? replied = null;
        var result = await ChangeAsync(tipId, TipAction.Reply, actor, basedOn, "replied", t =>
        {
            replied = t;
            return t.AddDeskMessage(new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskReply, actor.Name, sealer.Seal(t.Id, reply), Today()),
                actor, Today());
        }, cancellationToken);
        if (result.Outcome == WorkflowOutcome.Done && replied is { Channel: TipChannel.Email, MayContact: true } tip
            && sealer.OpenOrNull(tip.Id, tip.SealedContact) is { } address)
        {
            await mailer.SendReplyAsync(address, reply, cancellationToken);
            Audit(tip.Id, "reply e-mailed", actor.Name);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Marks <paramref name="duplicateId"/> as the same story as <paramref name="primaryId"/>; its tipster then sees the primary's progress.</summary>
    public async Task<WorkflowResult> MergeAsync(Guid duplicateId, Guid primaryId, Actor actor, CancellationToken cancellationToken, int? basedOn = null)
    {
        var primary = await Load(primaryId).SingleOrDefaultAsync(cancellationToken);
        if (primary is null)
        {
            return WorkflowResult.NotFound(TipWorkflowText.NoTipToMergeInto);
        }

        if (basedOn is { } seen)
        {
            // The desk member was looking at the primary (the merge is taken from its page).
            if (primary.Version != seen)
            {
                return Stale(primary.Version, seen);
            }

            db.Entry(primary).Property(t => t.Version).OriginalValue = seen;
        }

        return await ChangeAsync(duplicateId, TipAction.Merge, actor, null, "merged into " + primary.Id, duplicate =>
        {
            var merged = duplicate.MergeInto(primary, actor, Today());
            if (merged.Outcome == WorkflowOutcome.Done)
            {
                Audit(primary.Id, "merged with " + duplicate.Id, actor.Name);
            }

            return merged;
        }, cancellationToken);
    }

    /// <summary>
    /// One desk action by its code, as the staff API names them; each reads the input it needs. Receiving is the
    /// channels' business, not an action the desk takes.
    /// </summary>
    public Task<WorkflowResult> PerformAsync(Guid tipId, TipAction action, TipActionInput input, Actor actor, int? basedOn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return action switch
        {
            TipAction.Review => StartReviewAsync(tipId, actor, cancellationToken, basedOn),
            TipAction.Decline => DeclineAsync(tipId, actor, cancellationToken, basedOn),
            TipAction.Spam => MarkSpamAsync(tipId, actor, cancellationToken, basedOn),
            TipAction.Assign when !string.IsNullOrWhiteSpace(input.Assignee) => AssignAsync(tipId, input.Assignee.Trim(), actor, cancellationToken, basedOn),
            TipAction.Use when input.StoryId is { } story => MarkUsedAsync(tipId, story, actor, cancellationToken, basedOn),
            TipAction.Link when input.StoryId is { } story => LinkStoryAsync(tipId, story, actor, cancellationToken, basedOn),
            TipAction.Note when !string.IsNullOrWhiteSpace(input.Text) => AddNoteAsync(tipId, actor, input.Text, cancellationToken, basedOn),
            TipAction.Reply when !string.IsNullOrWhiteSpace(input.Text) => ReplyAsync(tipId, actor, input.Text, cancellationToken, basedOn),
            TipAction.Merge when input.DuplicateId is { } duplicate && duplicate != tipId =>
                MergeAsync(duplicate, tipId, actor, cancellationToken, basedOn),
            TipAction.Receive => Task.FromResult(WorkflowResult.Invalid(TipWorkflowText.ReceivedThroughChannels)),
            _ => Task.FromResult(WorkflowResult.Invalid(TipActionInput.WhatEachNeeds)),
        };
    }

    /// <summary>The scrubbed copy of a file, decrypted as it is read; null when the file has none (see its label).</summary>
    public async Task<Stream?> OpenStaffCopyAsync(Guid tipId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.TipAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.TipId == tipId && a.Id == attachmentId, cancellationToken);
        return attachment is { HasStaffCopy: true } ? files.Open(files.StaffCopyPath(tipId, attachmentId)) : null;
    }

    /// <summary>The scrubbed copy for a named staff member; the opening is audited. Null when the file has no scrubbed copy.</summary>
    public async Task<Stream?> OpenStaffCopyAsync(Guid tipId, Guid attachmentId, string staff, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        var stream = await OpenStaffCopyAsync(tipId, attachmentId, cancellationToken);
        if (stream is not null)
        {
            Audit(tipId, "scrubbed file opened", staff);
            await db.SaveChangesAsync(cancellationToken);
        }

        return stream;
    }

    /// <summary>The content type of a file's scrubbed copy; null when there is no such file.</summary>
    public Task<string?> StaffCopyContentTypeAsync(Guid tipId, Guid attachmentId, CancellationToken cancellationToken) =>
        db.TipAttachments.AsNoTracking().Where(a => a.TipId == tipId && a.Id == attachmentId).Select(a => a.ContentType).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The original as the tipster sent it, metadata and all: for examination, never for publishing. Audited.</summary>
    public async Task<Stream?> OpenOriginalAsync(Guid tipId, Guid attachmentId, string staff, CancellationToken cancellationToken)
    {
        var exists = await db.TipAttachments.AnyAsync(a => a.TipId == tipId && a.Id == attachmentId, cancellationToken);
        if (!exists)
        {
            return null;
        }

        Audit(tipId, "original file opened", staff);
        await db.SaveChangesAsync(cancellationToken);
        return files.Open(files.OriginalPath(tipId, attachmentId));
    }

    /// <summary>Deletes a tip now, files and all (an administrator's decision); an audit line without content remains.</summary>
    public async Task<bool> DeleteAsync(Guid tipId, string staff, CancellationToken cancellationToken)
    {
        var tip = await Load(tipId).SingleOrDefaultAsync(cancellationToken);
        if (tip is null)
        {
            return false;
        }

        await TipRetention.DeleteAsync(db, files, tip, "deleted by " + staff, staff, Today(), cancellationToken);
        return true;
    }

    /// <summary>
    /// Loads the tip, lets the table answer for the roles and the status first, then for the version the desk member
    /// saw; applies the change and saves it with an audit line. A change that raced another desk member's is refused
    /// as stale, and the other member's change stands: nothing is merged silently, nothing half-saved.
    /// </summary>
    private async Task<WorkflowResult> ChangeAsync(Guid tipId, TipAction action, Actor actor, int? basedOn, string audit,
        Func<ReaderTip, WorkflowResult> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tip = await Load(tipId).SingleOrDefaultAsync(cancellationToken);
        if (tip is null)
        {
            return WorkflowResult.NotFound(TipWorkflowText.NoSuchTip);
        }

        if (TipWorkflow.Table.Check(actor.Roles, tip.Status, action) is { Succeeded: false } refused)
        {
            return refused;
        }

        if (basedOn is { } seen)
        {
            if (tip.Version != seen)
            {
                return Stale(tip.Version, seen);
            }

            // The version seen goes into the UPDATE's WHERE: a change that raced another one fails there.
            db.Entry(tip).Property(t => t.Version).OriginalValue = seen;
        }

        var seenVersion = basedOn ?? tip.Version;
        var result = change(tip);
        if (result.Outcome != WorkflowOutcome.Done)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        Audit(tip.Id, audit, actor.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ReaderTips.AsNoTracking().Where(t => t.Id == tipId).Select(t => t.Version).FirstOrDefaultAsync(cancellationToken);
            return Stale(current, seenVersion);
        }

        return WorkflowResult.Done;
    }

    private static WorkflowResult Stale(int current, int seen) => 
        WorkflowResult.Stale(TipWorkflowText.ChangedWhileYouLooked.With(seen, current));

    private async Task<ReaderTip?> ByReceiptAsync(string? phrase, CancellationToken cancellationToken)
    {
        var hash = receipts.Hash(phrase);
        return hash is null ? null : await Load(hash).SingleOrDefaultAsync(cancellationToken);
    }

    private IQueryable<ReaderTip> Load(Guid tipId) =>
        db.ReaderTips.Include(t => t.Attachments).Include(t => t.Messages).AsSplitQuery().Where(t => t.Id == tipId);

    private IQueryable<ReaderTip> Load(string receiptHash) =>
        db.ReaderTips.Include(t => t.Attachments).Include(t => t.Messages).AsSplitQuery().Where(t => t.ReceiptHash == receiptHash);

    private TipSummary Summarise(ReaderTip tip)
    {
        var text = sealer.Open(tip.Id, tip.SealedText);
        var opening = text.Length > 120 ? text[..120] + "…" : text;
        return new TipSummary(tip.Id, tip.Channel, tip.Status, opening, tip.Attachments.Count, tip.ReceivedOn, tip.LastActivityOn,
            tip.AssignedTo, tip.DuplicateOfId);
    }

    private void Audit(Guid tipId, string action, string actor) =>
        db.TipAudit.Add(new TipAuditEntry(tipId, action, actor, Today()));

    private DateOnly Today() => site.Today();
}
