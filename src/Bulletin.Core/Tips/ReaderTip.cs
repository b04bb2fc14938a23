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

    public static ReaderTip Receive(Guid id, TipChannel channel, string receiptHash, byte[] sealedText, DateOnly today,
        byte[]? sealedContact = null, bool mayContact = false, bool mayCredit = false,
        string? sourceReference = null, string? senderReference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptHash);
        ArgumentNullException.ThrowIfNull(sealedText);
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

    public void AddAttachment(TipAttachment attachment, int maxAttachments)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (_attachments.Count >= maxAttachments)
        {
            throw new TipWorkflowException($"A tip can carry at most {maxAttachments} files.");
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

    public void StartReview(DateOnly today) => MoveTo(TipStatus.Reviewing, today);

    public void AssignTo(string staff, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        if (Status != TipStatus.Assigned)
        {
            MoveTo(TipStatus.Assigned, today);
        }

        AssignedTo = staff;
        Touch(today);
    }

    public void MarkUsed(Guid storyId, DateOnly today)
    {
        MoveTo(TipStatus.Used, today);
        StoryId = storyId;
    }

    public void Decline(DateOnly today)
    {
        MoveTo(TipStatus.Declined, today);
        SettledOn = today;
    }

    public void MarkSpam(DateOnly today)
    {
        MoveTo(TipStatus.Spam, today);
        SettledOn = today;
    }

    /// <summary>Links the story the tip led to, before or after it is marked used.</summary>
    public void LinkStory(Guid storyId, DateOnly today)
    {
        StoryId = storyId;
        Touch(today);
    }

    public void AddDeskMessage(TipMessage message, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Author == TipMessageAuthor.Tipster)
        {
            throw new ArgumentException("A tipster's words come through the receipt.", nameof(message));
        }

        if (message.Author == TipMessageAuthor.DeskReply && Status == TipStatus.Spam)
        {
            throw new TipWorkflowException("Spam is not answered.");
        }

        _messages.Add(message);
        Touch(today);
    }

    /// <summary>Marks this tip as a duplicate of <paramref name="primary"/>: the desk works on the primary from now on.</summary>
    public void MergeInto(ReaderTip primary, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(primary);
        if (primary.Id == Id)
        {
            throw new TipWorkflowException("A tip cannot be merged into itself.");
        }

        if (primary.DuplicateOfId is not null)
        {
            throw new TipWorkflowException("Merge into the tip the other one was merged into.");
        }

        if (DuplicateOfId is not null)
        {
            throw new TipWorkflowException("This tip has already been merged.");
        }

        DuplicateOfId = primary.Id;
        Touch(today);
        primary.Touch(today);
    }

    /// <summary>Declined and spam tips are deleted, files and all, once this many days have passed since.</summary>
    public bool IsDueForDeletion(DateOnly today, int retentionDays) =>
        TipWorkflow.IsDeletedAfterRetention(Status) && SettledOn is { } settled && settled.AddDays(retentionDays) <= today;

    private void MoveTo(TipStatus to, DateOnly today)
    {
        if (!TipWorkflow.CanMove(Status, to))
        {
            throw new TipWorkflowException($"A tip that is {Status} cannot become {to}.");
        }

        Status = to;
        if (to is not (TipStatus.Declined or TipStatus.Spam))
        {
            SettledOn = null;
        }

        Touch(today);
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
