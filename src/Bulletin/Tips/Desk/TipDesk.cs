using Bulletin.Core.Tips;
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
    TimeProvider clock,
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

        var tip = await ByReceiptAsync(phrase, cancellationToken);
        if (tip is null)
        {
            return false;
        }

        tip.AddFromTipster(new TipMessage(Guid.NewGuid(), TipMessageAuthor.Tipster, null, sealer.Seal(tip.Id, text), Today()), Today());
        Audit(tip.Id, "tipster added a message", "tipster");
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
            tip.Messages.OrderBy(m => m.SentOn).Select(m => new TipMessageView(m.Author, m.Staff, sealer.Open(tip.Id, m.SealedBody), m.SentOn)).ToList());
    }

    public Task StartReviewAsync(Guid tipId, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "review started", t => t.StartReview(Today()), cancellationToken);

    public Task AssignAsync(Guid tipId, string assignee, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "assigned to " + assignee, t => t.AssignTo(assignee, Today()), cancellationToken);

    public Task DeclineAsync(Guid tipId, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "declined", t => t.Decline(Today()), cancellationToken);

    public Task MarkSpamAsync(Guid tipId, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "marked spam", t => t.MarkSpam(Today()), cancellationToken);

    public Task MarkUsedAsync(Guid tipId, Guid storyId, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "used in story " + storyId, t => t.MarkUsed(storyId, Today()), cancellationToken);

    public Task LinkStoryAsync(Guid tipId, Guid storyId, string staff, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "linked to story " + storyId, t => t.LinkStory(storyId, Today()), cancellationToken);

    /// <summary>A note for the desk only; the tipster never sees it.</summary>
    public Task AddNoteAsync(Guid tipId, string staff, string note, CancellationToken cancellationToken) =>
        ChangeAsync(tipId, staff, "note added", t => t.AddDeskMessage(
            new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskNote, staff, sealer.Seal(t.Id, note), Today()), Today()), cancellationToken);

    /// <summary>
    /// A reply the tipster reads with the receipt. A tip that came by e-mail also gets it by e-mail, when the sender
    /// agreed to be contacted; the e-mail never carries the receipt.
    /// </summary>
    public async Task ReplyAsync(Guid tipId, string staff, string reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reply);
        var tip = await Load(tipId).SingleOrDefaultAsync(cancellationToken) ?? throw new TipWorkflowException("There is no such tip.");
        tip.AddDeskMessage(new TipMessage(Guid.NewGuid(), TipMessageAuthor.DeskReply, staff, sealer.Seal(tip.Id, reply), Today()), Today());
        Audit(tip.Id, "replied", staff);
        await db.SaveChangesAsync(cancellationToken);
        if (tip.Channel == TipChannel.Email && tip.MayContact && sealer.OpenOrNull(tip.Id, tip.SealedContact) is { } address)
        {
            await mailer.SendReplyAsync(address, reply, cancellationToken);
            Audit(tip.Id, "reply e-mailed", staff);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Marks <paramref name="duplicateId"/> as the same story as <paramref name="primaryId"/>; its tipster then sees the primary's progress.</summary>
    public async Task MergeAsync(Guid duplicateId, Guid primaryId, string staff, CancellationToken cancellationToken)
    {
        var duplicate = await Load(duplicateId).SingleOrDefaultAsync(cancellationToken) ?? throw new TipWorkflowException("There is no such tip.");
        var primary = await Load(primaryId).SingleOrDefaultAsync(cancellationToken) ?? throw new TipWorkflowException("There is no such tip to merge into.");
        duplicate.MergeInto(primary, Today());
        Audit(duplicate.Id, "merged into " + primary.Id, staff);
        Audit(primary.Id, "merged with " + duplicate.Id, staff);
        await db.SaveChangesAsync(cancellationToken);
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

        await TipRetention.DeleteAsync(db, files, tip, "deleted by " + staff, staff, clock, cancellationToken);
        return true;
    }

    private async Task ChangeAsync(Guid tipId, string staff, string action, Action<ReaderTip> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        var tip = await Load(tipId).SingleOrDefaultAsync(cancellationToken) ?? throw new TipWorkflowException("There is no such tip.");
        change(tip);
        Audit(tip.Id, action, staff);
        await db.SaveChangesAsync(cancellationToken);
    }

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
        db.TipAudit.Add(new TipAuditEntry(tipId, action, actor, clock.GetUtcNow()));

    private DateOnly Today() => site.Today();
}
