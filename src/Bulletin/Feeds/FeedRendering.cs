using Bulletin.Core.Stories;
using Bulletin.Media;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>What a feed writer needs besides the stories: the scope, the site's name and root, and its clock.</summary>
public sealed record FeedRendering(FeedScope Scope, string SiteName, string Root, SiteClock Clock, DateTimeOffset Now)
{
    /// <summary>The stories' lead photos by id, read once for the whole feed.</summary>
    public IReadOnlyDictionary<Guid, MediaPicture> Pictures { get; init; } = new Dictionary<Guid, MediaPicture>();

    public string Absolute(string path) => Root + (path.Length == 0 ? "/" : path);

    /// <summary>The story's lead photo, when it has one that is in the library.</summary>
    public MediaPicture? Lead(PublishedStory story) =>
        story?.LeadMediaId is { } id ? Pictures.GetValueOrDefault(id) : null;

    /// <summary>A story's time of last change: never before it went out.</summary>
    public static DateTimeOffset Modified(PublishedStory story) =>
        story.PublishedAt > story.UpdatedAt ? story.PublishedAt : story.UpdatedAt;

    public static DateTimeOffset Published(PublishedStory story) => story.PublishedAt;
}
