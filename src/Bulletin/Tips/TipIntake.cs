using Bulletin.Core.Text;
using Bulletin.Core.Tips;
using Bulletin.Data;
using Bulletin.Site;
using Bulletin.Tips.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips;

/// <summary>Takes tips in from every channel: seals what was said, scrubs the files, stores the tip, issues its receipt.</summary>
public sealed class TipIntake(
    BulletinDbContext db,
    TipFileStore files,
    TipSealer sealer,
    TipKeys keys,
    Receipts receipts,
    MetadataScrubber scrubber,
    IOptions<TipsOptions> options,
    SiteClock site)
{
    public TipUpload Begin() => new(Guid.NewGuid(), files, sealer, options.Value);

    /// <summary>Stores the tip with the files already uploaded; returns the receipt phrase to show once.</summary>
    public async Task<TipReceipt> CompleteAsync(TipUpload upload, TipSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(submission);
        var text = InputText.Clean(submission.Text ?? "").Trim();
        if (text.Length == 0 && upload.FileCount == 0)
        {
            throw new TipRefusedException(TipRefusal.Empty);
        }

        if (text.Length > options.Value.MaxTextLength)
        {
            throw new TipRefusedException(TipRefusal.TextTooLong);
        }

        var today = Today();
        var phrase = Receipts.NewPhrase();
        var tip = ReaderTip.Receive(upload.TipId, submission.Channel, receipts.Hash(phrase)!, sealer.Seal(upload.TipId, text), today,
            sealer.SealOrNull(upload.TipId, InputText.CleanLineOrNull(submission.Contact)), submission.MayContact, submission.MayCredit,
            submission.SourceId is null ? null : keys.Pseudonym("source:" + submission.Channel, submission.SourceId),
            submission.SenderId is null ? null : keys.Pseudonym("sender:" + submission.Channel, submission.SenderId));

        foreach (var file in upload.Pending)
        {
            var original = files.OriginalPath(upload.TipId, file.Id);
            var staffPath = files.StaffCopyPath(upload.TipId, file.Id);
            ScrubOutcome outcome;
            await using (var staff = files.Create(staffPath))
            {
                outcome = await scrubber.ScrubAsync(() => files.Open(original), file.Length, staff, cancellationToken);
                staff.Finish();
            }

            if (outcome.State != TipAttachmentState.Scrubbed)
            {
                File.Delete(staffPath);
            }

            tip.AddAttachment(new TipAttachment(file.Id, file.SealedName, outcome.ContentType, file.Length, outcome.State, outcome.HadMetadata),
                options.Value.MaxFiles);
        }

        files.NormaliseTimes(upload.TipId, today);
        db.ReaderTips.Add(tip);
        db.TipAudit.Add(new TipAuditEntry(tip.Id, "received", submission.Channel.ToCode(), today));
        await db.SaveChangesAsync(cancellationToken);
        upload.Completed = true;
        return new TipReceipt(tip.Id, phrase);
    }

    /// <summary>A tip with no files, in one call (phone calls, text-only messages).</summary>
    public async Task<TipReceipt> ReceiveAsync(TipSubmission submission, CancellationToken cancellationToken)
    {
        await using var upload = Begin();
        return await CompleteAsync(upload, submission, cancellationToken);
    }

    /// <summary>Logs a phone call as a tip: what the caller said, a call-back number if they gave one, their consent.</summary>
    public Task<TipReceipt> LogCallAsync(string whatWasSaid, string? callBackNumber, bool mayContact, bool mayCredit, CancellationToken cancellationToken) =>
        ReceiveAsync(new TipSubmission(TipChannel.Phone, whatWasSaid)
        {
            Contact = string.IsNullOrWhiteSpace(callBackNumber) ? null : callBackNumber,
            MayContact = mayContact,
            MayCredit = mayCredit,
        }, cancellationToken);

    /// <summary>Whether a tip with this channel id was stored already (an e-mail fetched again after a crash).</summary>
    public Task<bool> HasSourceAsync(TipChannel channel, string sourceId, CancellationToken cancellationToken)
    {
        var reference = keys.Pseudonym("source:" + channel, sourceId);
        return db.ReaderTips.AnyAsync(t => t.Channel == channel && t.SourceReference == reference, cancellationToken);
    }

    private DateOnly Today() => site.Today();
}
