using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>The codes of rundown actions in URLs and JSON (<c>POST .../rundowns/{id}/take</c>).</summary>
public static class RundownActions
{
    public static readonly EnumCodes<RundownAction> Codes = new();
}
