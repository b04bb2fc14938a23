using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the script as content_html, its first paragraph as summary.</summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    // The feed is read by programs, never put inside a script element: Hangul and quotes stay as they are.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(FeedRendering feed, IReadOnlyList<PublishedStory> stories)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(stories);
        var items = new JsonArray();
        foreach (var story in stories)
        {
            var item = new JsonObject
            {
                ["id"] = story.Id.ToString(),
                ["url"] = feed.Absolute(StoryPaths.Story(story)),
                ["title"] = story.Headline,
                ["content_html"] = StoryHtml.Render(story),
                ["date_published"] = feed.Clock.Iso(FeedRendering.Published(story)),
                ["date_modified"] = feed.Clock.Iso(FeedRendering.Modified(story)),
                ["language"] = story.Language.ToCode(),
            };
            if (NewsArticleJsonLd.Describe(story) is { } summary)
            {
                item["summary"] = summary;
            }

            // JSON Feed's main image: the lead's 16:9 crop, the shape readers show above an item.
            if (feed.Lead(story) is { } lead && (lead.Crop("16x9") is { } card ? lead.PathOf(card) : lead.Src) is { } image)
            {
                item["image"] = feed.Absolute(image);
            }

            if (story.Bylines.Count > 0)
            {
                item["authors"] = new JsonArray([.. story.Bylines.Select(b => new JsonObject { ["name"] = b })]);
            }

            if (story.Tags.Count > 0)
            {
                item["tags"] = new JsonArray([.. story.Tags.Select(t => JsonValue.Create(t))]);
            }

            items.Add(item);
        }

        var document = new JsonObject
        {
            ["version"] = Version,
            ["title"] = feed.Scope.Title,
            ["home_page_url"] = feed.Absolute(feed.Scope.HomePath),
            ["feed_url"] = feed.Absolute(feed.Scope.PathOf(FeedFormat.Json)),
            ["language"] = feed.Scope.Edition.ToCode(),
            ["authors"] = new JsonArray(new JsonObject { ["name"] = feed.SiteName, ["url"] = feed.Absolute(StoryPaths.Home(feed.Scope.Edition)) }),
            ["items"] = items,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }
}
