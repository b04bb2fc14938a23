using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>The codes of who wrote a tip message, as the staff API and the desk page write them.</summary>
public static class TipMessageAuthors
{
    public static readonly EnumCodes<TipMessageAuthor> Codes = new(a => a switch
    {
        TipMessageAuthor.DeskReply => "reply",
        TipMessageAuthor.DeskNote => "note",
        _ => null,
    });

    public static string ToCode(this TipMessageAuthor author) => Codes.Of(author);
}
