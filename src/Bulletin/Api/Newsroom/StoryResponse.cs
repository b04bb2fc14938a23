using System.Text.Json.Serialization;
using Bulletin.Core.Stories;
using Bulletin.Publishing;
using Bulletin.Site;

namespace Bulletin.Api.Newsroom;

/// <summary>A story as the staff API shows it: where it stands, its version, and its working content.</summary>
public sealed record StoryResponse(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("scheduledAt")] string? ScheduledAt,
    [property: JsonPropertyName("correctionNote")] string? CorrectionNote,
    [property: JsonPropertyName("hasUnpublishedChanges")] bool HasUnpublishedChanges,
    [property: JsonPropertyName("story")] StoryJson Story)
{
    public static StoryResponse From(Story story, SiteClock clock) => new(
        story.Id,
        story.Version,
        story.Status.ToCode(),
        StoryPaths.Story(story),
        story.ScheduledAt is { } at ? clock.Iso(at) : null,
        story.CorrectionNote,
        story.HasUnpublishedChanges,
        StoryJson.From(story.Content, clock, story));
}
