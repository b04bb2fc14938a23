using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tips;

/// <summary>The lower-case codes of tip channels, as the staff API, the desk's filters and audit lines write them.</summary>
public static class TipChannels
{
    public static readonly EnumCodes<TipChannel> Codes = new();

    public static string ToCode(this TipChannel channel) => Codes.Of(channel);

    public static bool TryParse(string? code, out TipChannel channel) => Codes.TryParse(code, out channel);
}
