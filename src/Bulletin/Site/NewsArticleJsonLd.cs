using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>schema.org NewsArticle for a story page, as search engines read it.</summary>
public static class NewsArticleJsonLd
{
    // Hangul, quotes and + stay as they are; <, > and & are escaped below, so the JSON cannot end its script element.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Build(PublishedStory story, Section? section, string canonicalUrl, string siteName, string homeUrl, SiteClock clock)
    {
        var authors = new JsonArray();
        foreach (var byline in story.Bylines)
        {
            authors.Add(new JsonObject { ["@type"] = "Person", ["name"] = byline });
        }

        if (authors.Count == 0)
        {
            authors.Add(new JsonObject { ["@type"] = "Organization", ["name"] = siteName, ["url"] = homeUrl });
        }

        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = story.Headline,
            ["datePublished"] = clock.Iso(story.PublishedAt),
            ["dateModified"] = clock.Iso(Max(story.UpdatedAt, story.PublishedAt)),
            ["inLanguage"] = story.Language.ToCode(),
            ["author"] = authors,
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = siteName, ["url"] = homeUrl },
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["url"] = canonicalUrl,
        };
        if (story.Subheadlines.Count > 0)
        {
            article["alternativeHeadline"] = string.Join(" / ", story.Subheadlines);
        }

        if (Describe(story) is { } description)
        {
            article["description"] = description;
        }

        if (section is not null)
        {
            article["articleSection"] = section.NameIn(story.Language);
        }

        if (story.Tags.Count > 0)
        {
            article["keywords"] = new JsonArray([.. story.Tags.Select(t => JsonValue.Create(t))]);
        }

        // What a voice assistant may read aloud: the headline and the anchor's lead, which are written to be spoken.
        var speakable = new JsonArray { SpeakableHeadline };
        if (story.Segments.Any(s => s.Kind == SegmentKind.Anchor))
        {
            speakable.Add(SpeakableAnchorLead);
        }

        article["speakable"] = new JsonObject { ["@type"] = "SpeakableSpecification", ["cssSelector"] = speakable };

        var body = ArticleBody(story);
        if (body.Length > 0)
        {
            article["articleBody"] = body;
            article["wordCount"] = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return ForScriptElement(article.ToJsonString(Options));
    }

    /// <summary>The story page's elements that hold its headline and the anchor's lead (see Pages/Story.cshtml).</summary>
    public const string SpeakableHeadline = ".story h1";
    public const string SpeakableAnchorLead = ".segment.anchor";

    /// <summary>The script's words as plain paragraphs, without the on-air markers; words are counted by spaces.</summary>
    public static string ArticleBody(PublishedStory story) =>
        string.Join("\n\n", story.Segments.SelectMany(s => s.Paragraphs));

    /// <summary>
    /// JSON that is safe between script tags: these three characters only occur inside JSON strings, where their
    /// \u escapes mean the same.
    /// </summary>
    public static string ForScriptElement(string json) =>
        json.Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);

    /// <summary>A one-paragraph summary: the first paragraph of the script.</summary>
    public static string? Describe(PublishedStory story) =>
        story.Segments.SelectMany(s => s.Paragraphs).FirstOrDefault();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
