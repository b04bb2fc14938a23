using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>schema.org NewsArticle for a story page, as search engines read it.</summary>
public static class NewsArticleJsonLd
{
    // Hangul, quotes and + stay as they are; <, > and & are escaped below, so the JSON cannot end its script element.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Written straight to UTF-8 (no document tree): it is built for every story page the cache fills.</summary>
    public static string Build(PublishedStory story, Section? section, string canonicalUrl, string siteName, string homeUrl, SiteClock clock,
        IReadOnlyList<NewsArticleImage>? images = null)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("headline", story.Headline);
            json.WriteString("datePublished", clock.Iso(story.PublishedAt));
            json.WriteString("dateModified", clock.Iso(Max(story.UpdatedAt, story.PublishedAt)));
            json.WriteString("inLanguage", story.Language.ToCode());
            json.WriteStartArray("author");
            foreach (var byline in story.Bylines)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", byline);
                json.WriteEndObject();
            }

            if (story.Bylines.Count == 0)
            {
                WriteOrganization(json, siteName, homeUrl);
            }

            json.WriteEndArray();
            json.WritePropertyName("publisher");
            WriteOrganization(json, siteName, homeUrl);
            json.WriteStartObject("mainEntityOfPage");
            json.WriteString("@type", "WebPage");
            json.WriteString("@id", canonicalUrl);
            json.WriteEndObject();
            json.WriteString("url", canonicalUrl);
            if (images is { Count: > 0 })
            {
                json.WriteStartArray("image");
                foreach (var image in images)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "ImageObject");
                    json.WriteString("url", image.Url);
                    json.WriteString("contentUrl", image.Url);
                    json.WriteNumber("width", image.Width);
                    json.WriteNumber("height", image.Height);
                    if (image.Caption.Length > 0)
                    {
                        json.WriteString("caption", image.Caption);
                    }

                    if (image.Credit.Length > 0)
                    {
                        json.WriteString("creditText", image.Credit);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            if (story.Subheadlines.Count > 0)
            {
                json.WriteString("alternativeHeadline", string.Join(" / ", story.Subheadlines));
            }

            if (Describe(story) is { } description)
            {
                json.WriteString("description", description);
            }

            if (section is not null)
            {
                json.WriteString("articleSection", section.NameIn(story.Language));
            }

            if (story.Tags.Count > 0)
            {
                json.WriteStartArray("keywords");
                foreach (var tag in story.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
            }

            // What a voice assistant may read aloud: the headline and the anchor's lead, which are written to be spoken.
            json.WriteStartObject("speakable");
            json.WriteString("@type", "SpeakableSpecification");
            json.WriteStartArray("cssSelector");
            json.WriteStringValue(SpeakableHeadline);
            if (story.Segments.Any(s => s.Kind == SegmentKind.Anchor))
            {
                json.WriteStringValue(SpeakableAnchorLead);
            }

            json.WriteEndArray();
            json.WriteEndObject();

            var body = ArticleBody(story);
            if (body.Length > 0)
            {
                json.WriteString("articleBody", body);
                json.WriteNumber("wordCount", CountWords(body));
            }

            json.WriteEndObject();
        }

        return ForScriptElement(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteOrganization(Utf8JsonWriter json, string siteName, string homeUrl)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Organization");
        json.WriteString("name", siteName);
        json.WriteString("url", homeUrl);
        json.WriteEndObject();
    }

    /// <summary>Runs of non-white-space, as splitting on white space would count them, without making the words.</summary>
    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
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
