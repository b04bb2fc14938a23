using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>
/// A reader's tip: what they said, how to reach them if they agreed, their files and the conversation with the desk.
/// Text, contact details and file names arrive here already sealed (encrypted) by the host: Core never sees a key.
/// Dates are kept to the day, because the exact minute a tipster wrote can identify them.
/// </summary>
public sealed class ReaderTip
{
    private readonly List<TipAttachment> _attachments = [];
    private readonly List<TipMessage> _messages = [];

    private ReaderTip()
    {
        ReceiptHash = "";
        SealedText = [];
    }

    private ReaderTip(Guid id, TipChannel channel, string receiptHash, byte[] sealedText, DateOnly today)
    {
        Id = id;
        Channel = channel;
        ReceiptHash = receiptHash;
        SealedText = sealedText;
        Status = TipStatus.New;
        ReceivedOn = today;
        LastActivityOn = today;
        Version = 1;
    }

    /// <summary>Random, not time-ordered (unlike story ids): neither guessable nor a clock.</summary>
    public Guid Id { get; private set; }

    public TipChannel Channel { get; private set; }
    public TipStatus Status { get; private set; }

    /// <summary>A slow, keyed hash of the receipt phrase; the phrase itself is shown once and never stored.</summary>
    public string ReceiptHash { get; private set; }

    public byte[] SealedText { get; private set; }

    /// <summary>Name, phone or address the tipster chose to give, sealed; null when they gave none.</summary>
    public byte[]? SealedContact { get; private set; }

    public bool MayContact { get; private set; }
    public bool MayCredit { get; private set; }

    /// <summary>A keyed hash of where the tip came from on its channel (an e-mail's Message-ID), to take it once.</summary>
    public string? SourceReference { get; private set; }

    /// <summary>A keyed hash of the sender on the channel (a Kakao user key), to thread one person's tips.</summary>
    public string? SenderReference { get; private set; }

    public DateOnly ReceivedOn { get; private set; }
    public DateOnly LastActivityOn { get; private set; }

    /// <summary>The day the tip was declined or marked spam: retention counts from here.</summary>
    public DateOnly? SettledOn { get; private set; }

    public string? AssignedTo { get; private set; }
    public Guid? StoryId { get; private set; }

    /// <summary>Set when the desk merged this tip into another one about the same thing.</summary>
    public Guid? DuplicateOfId { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<TipAttachment> Attachments => _attachments;
    public IReadOnlyList<TipMessage> Messages => _messages;

    /// <summary>A reader's tip as a channel hands it over; anyone may send one (the table's receiving row).</summary>
    public static ReaderTip Receive(Guid id, TipChannel channel, string receiptHash, byte[] sealedText, DateOnly today,
        byte[]? sealedContact = null, bool mayContact = false, bool mayCredit = false,
        string? sourceReference = null, string? senderReference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHash);
        ArgumentNullException.ThrowIfNull(sealedText);
        if (!TipWorkflow.Table.Allows(Actor.Reader.Roles, null, TipAction.Receive))
        {
            throw new InvalidOperationException("The tip table has no row for receiving a tip from a reader.");
        }

        return new ReaderTip(id, channel, receiptHash, sealedText, today)
        {
            SealedContact = sealedContact,
            // Consent to be contacted means nothing without a way to do it.
            MayContact = mayContact && sealedContact is not null,
            MayCredit = mayCredit,
            SourceReference = sourceReference,
            SenderReference = senderReference,
        };
    }

    /// <summary>A file that came with the tip. The upload refuses more than the limit first, so more here is a defect.</summary>
    public void AddAttachment(TipAttachment attachment, int maxAttachments)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (_attachments.Count >= maxAttachments)
        {
            throw new InvalidOperationException($"A tip can carry at most {maxAttachments} files.");
        }

        _attachments.Add(attachment);
    }

    /// <summary>More words from the tipster, who proved who they are with the receipt.</summary>
    public void AddFromTipster(TipMessage message, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Author != TipMessageAuthor.Tipster)
        {
            throw new ArgumentException("Only the tipster's own words are added this way.", nameof(message));
        }

        _messages.Add(message);
        Touch(today);
    }

    public WorkflowResult StartReview(Actor actor, DateOnly today) => Move(TipAction.Review, actor, today);

    /// <summary>Gives the tip to a reporter; an assigned tip can be given to another.</summary>
    public WorkflowResult AssignTo(string assignee, Actor actor, DateOnly today) =>
        string.IsNullOrWhiteSpace(assignee)
            ? WorkflowResult.Invalid(TipWorkflowText.ChooseAReporter)
            : Move(TipAction.Assign, actor, today, () => AssignedTo = assignee.Trim());

    public WorkflowResult MarkUsed(Guid storyId, Actor actor, DateOnly today) =>
        Move(TipAction.Use, actor, today, () => StoryId = storyId);

    public WorkflowResult Decline(Actor actor, DateOnly today) => Move(TipAction.Decline, actor, today, () => SettledOn = today);

    public WorkflowResult MarkSpam(Actor actor, DateOnly today) => Move(TipAction.Spam, actor, today, () => SettledOn = today);

    /// <summary>Links the story the tip led to, before or after it is marked used.</summary>
    public WorkflowResult LinkStory(Guid storyId, Actor actor, DateOnly today) =>
        Move(TipAction.Link, actor, today, () => StoryId = storyId);

    /// <summary>A desk note (never shown to the tipster) or a reply (shown with the receipt).</summary>
    public WorkflowResult AddDeskMessage(TipMessage message, Actor actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Author == TipMessageAuthor.Tipster)
        {
            throw new ArgumentException("A tipster's words come through the receipt.", nameof(message));
        }

        var action = message.Author == TipMessageAuthor.DeskReply ? TipAction.Reply : TipAction.Note;
        return Move(action, actor, today, () => _messages.Add(message));
    }

    /// <summary>Marks this tip as a duplicate of <paramref name="primary"/>: the desk works on the primary from now on.</summary>
    public WorkflowResult MergeInto(ReaderTip primary, Actor actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var invalid = primary.Id == Id ? TipWorkflowText.NotIntoItself
            : primary.DuplicateOfId is not null ? TipWorkflowText.IntoThePrimary
            : DuplicateOfId is not null ? TipWorkflowText.AlreadyMerged
            : null;
        if (invalid is not null && TipWorkflow.Table.Check(actor.Roles, Status, TipAction.Merge).Succeeded)
        {
            return WorkflowResult.Invalid(invalid);
        }

        return Move(TipAction.Merge, actor, today, () =>
        {
            DuplicateOfId = primary.Id;
            primary.Touch(today);
        });
    }

    /// <summary>Declined and spam tips are deleted, files and all, once this many days have passed since.</summary>
    public bool IsDueForDeletion(DateOnly today, int retentionDays) =>
        TipWorkflow.IsDeletedAfterRetention(Status) && SettledOn is { } settled && settled.AddDays(retentionDays) <= today;

    /// <summary>
    /// The one way a tip changes on the desk: the table must allow the action to the actor from the current status;
    /// then the change is applied, the status becomes the row's, and the version rises by one.
    /// </summary>
    private WorkflowResult Move(TipAction action, Actor actor, DateOnly today, Action? change = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = TipWorkflow.Table.Check(actor.Roles, Status, action);
        if (!allowed.Succeeded)
        {
            return allowed;
        }

        var to = TipWorkflow.Table.Find(Status, action)!.To;
        change?.Invoke();
        if (to != Status && !TipWorkflow.IsDeletedAfterRetention(to))
        {
            // Retention counts from the day a tip was settled; a tip taken up again is no longer counting down.
            SettledOn = null;
        }

        Status = to;
        Touch(today);
        return WorkflowResult.Done;
    }

    private void Touch(DateOnly today)
    {
        if (today > LastActivityOn)
        {
            LastActivityOn = today;
        }

        Version++;
    }
}
