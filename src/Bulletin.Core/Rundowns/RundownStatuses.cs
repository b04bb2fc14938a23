using Bulletin.Core.Workflow;

namespace Bulletin.Core.Rundowns;

/// <summary>The codes of rundown states in URLs, JSON and reasons ("on-air").</summary>
public static class RundownStatuses
{
    public static readonly EnumCodes<RundownStatus> Codes = new(s => s == RundownStatus.OnAir ? "on-air" : null);
}
