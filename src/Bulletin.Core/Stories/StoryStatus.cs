namespace Bulletin.Core.Stories;

/// <summary>Where a story stands in the editorial workflow.</summary>
public enum StoryStatus
{
    Draft,
    Submitted,
    Approved,
    Scheduled,
    Published,
    Unpublished,
    Killed,
}
