namespace Bulletin.Core.Tips;

/// <summary>
/// A file a tipster sent. The original is kept only encrypted; <see cref="HasStaffCopy"/> says whether a
/// scrubbed copy exists. The name the tipster's device gave the file may identify them, so it is sealed too.
/// </summary>
public sealed class TipAttachment
{
    private TipAttachment()
    {
        ContentType = "";
        SealedName = [];
    }

    public TipAttachment(Guid id, byte[] sealedName, string contentType, long length, TipAttachmentState state, bool hadMetadata)
    {
        Id = id;
        SealedName = sealedName;
        ContentType = contentType;
        Length = length;
        State = state;
        HadMetadata = hadMetadata;
    }

    /// <summary>Random, not time-ordered: an attachment id says nothing about when it arrived.</summary>
    public Guid Id { get; private set; }

    public Guid TipId { get; private set; }
    public byte[] SealedName { get; private set; }

    /// <summary>The type Bulletin detected from the bytes, not the one the sender claimed.</summary>
    public string ContentType { get; private set; }

    public long Length { get; private set; }
    public TipAttachmentState State { get; private set; }

    /// <summary>The original carried location or device metadata (the staff copy does not).</summary>
    public bool HadMetadata { get; private set; }

    public bool HasStaffCopy => State == TipAttachmentState.Scrubbed;
}
