using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>What a feed writer needs besides the stories: the scope, the site's name and root, and its clock.</summary>
public sealed record FeedRendering(FeedScope Scope, string SiteName, string Root, SiteClock Clock, DateTimeOffset Now)
{
    public string Absolute(string path) => Root + (path.Length == 0 ? "/" : path);

    /// <summary>A story's time of last change: never before it went out.</summary>
    public static DateTimeOffset Modified(PublishedStory story) =>
        story.PublishedAt > story.UpdatedAt ? story.PublishedAt : story.UpdatedAt;

    public static DateTimeOffset Published(PublishedStory story) => story.PublishedAt;
}
