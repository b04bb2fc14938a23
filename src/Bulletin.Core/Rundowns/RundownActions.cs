using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>The codes of rundown actions in URLs and JSON (<c>POST .../rundowns/{id}/take</c>), and what each did.</summary>
public static class RundownActions
{
    public static readonly EnumCodes<RundownAction> Codes = new();

    public static string PastTense(RundownAction action) => action switch
    {
        RundownAction.Edit => "edited",
        RundownAction.Lock => "locked",
        RundownAction.Unlock => "unlocked",
        RundownAction.Activate => "put on air",
        RundownAction.Next => "given a next item",
        RundownAction.Take => "taken",
        RundownAction.Finish => "finished",
        _ => Codes.Of(action),
    };
}
