using Bulletin.Core.Workflow;

namespace Bulletin.Core.Stories;

/// <summary>The lower-case codes of story states, as URLs, JSON and the newsroom pages write them.</summary>
public static class StoryStatuses
{
    public static readonly EnumCodes<StoryStatus> Codes = new();

    public static string ToCode(this StoryStatus status) => Codes.Of(status);

    public static bool TryParse(string? code, out StoryStatus status) => Codes.TryParse(code, out status);
}
