using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>The codes of tip actions, as the staff API's routes and the desk's forms write them.</summary>
public static class TipActions
{
    /// <summary>Notes and replies are written as the things they add (<c>POST .../notes</c>); "used" as the desk says it.</summary>
    public static readonly EnumCodes<TipAction> Codes = new(a => a switch
    {
        TipAction.Use => "used",
        TipAction.Note => "notes",
        TipAction.Reply => "replies",
        _ => null,
    });

    public static string ToCode(this TipAction action) => Codes.Of(action);

    public static bool TryParse(string? code, out TipAction action) => Codes.TryParse(code, out action);
}
