using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

/// <summary>
/// A tip file as the desk sees it. <see cref="Label"/> is what the desk UI must show beside it: only a scrubbed copy
/// may ever be published.
/// </summary>
public sealed record TipFileView(Guid Id, string Name, string ContentType, long Length, TipAttachmentState State, bool HadMetadata)
{
    public string Label => State switch
    {
        TipAttachmentState.Scrubbed when HadMetadata => "scrubbed: this file contained location/device metadata",
        TipAttachmentState.Scrubbed => "scrubbed",
        TipAttachmentState.Rejected => "could not be read: original kept encrypted, do not publish",
        _ => "unscrubbed: do not publish",
    };
}
