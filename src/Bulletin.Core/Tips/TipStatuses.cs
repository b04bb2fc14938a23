using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>The lower-case codes of tip statuses, as the staff API and the desk's filters write them.</summary>
public static class TipStatuses
{
    public static readonly EnumCodes<TipStatus> Codes = new();

    public static string ToCode(this TipStatus status) => Codes.Of(status);

    public static bool TryParse(string? code, out TipStatus status) => Codes.TryParse(code, out status);
}
