namespace Bulletin.Core.Tips;

/// <summary>What the desk may do with an attachment's staff copy.</summary>
public enum TipAttachmentState
{
    /// <summary>Re-encoded or rewritten without metadata: the staff copy may be used.</summary>
    Scrubbed,

    /// <summary>
    /// A kind of file Bulletin cannot clean (documents, archives, unknown types). Only the encrypted original is
    /// kept; the desk sees it labelled "unscrubbed: do not publish" and must clean it by hand.
    /// </summary>
    Unscrubbed,

    /// <summary>Claimed to be a picture or video but could not be read (broken, hostile or too large to decode).</summary>
    Rejected,
}
