namespace Bulletin.Core.Tips;

public enum TipMessageAuthor
{
    /// <summary>More words from the tipster, added with the receipt.</summary>
    Tipster,

    /// <summary>A reply the tipster sees with the receipt (and by e-mail when the tip came by e-mail).</summary>
    DeskReply,

    /// <summary>A staff note, never shown to the tipster.</summary>
    DeskNote,
}
