using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Markup;

namespace Bulletin.Ingest.Feeds;

/// <summary>
/// Reads a JSON Feed (1.0 or 1.1): one story per item, with its title, content_html or content_text, summary,
/// dates, authors (1.1's list or 1.0's author), tags and language, its id as its identity and date_modified as its
/// version. System.Text.Json reads it; the format is small enough that no library adds anything.
/// </summary>
public static class JsonFeedReader
{
    public const string VersionPrefix = "https://jsonfeed.org/version/";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static IReadOnlyList<ReadResult> Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), Options);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return [ReadResult.Failure($"The file is not valid JSON: {e.Message}")];
        }
    }

    /// <summary>A JSON object whose version names the JSON Feed specification.</summary>
    public static bool IsJsonFeed(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && String(root, "version")?.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase) == true;

    public static IReadOnlyList<ReadResult> Read(JsonElement root)
    {
        if (!IsJsonFeed(root))
        {
            return [ReadResult.Failure("The file is JSON but not a JSON Feed: its \"version\" does not name https://jsonfeed.org/version/.")];
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return [ReadResult.Failure("The JSON Feed has no \"items\" list, which the format requires.")];
        }

        var feedLanguage = String(root, "language");
        var feedAuthors = Authors(root);
        var source = SourceOf(String(root, "home_page_url") ?? String(root, "feed_url"));
        var results = new List<ReadResult>();
        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (Item(item, feedLanguage, feedAuthors, source) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static ReadResult? Item(JsonElement item, string? feedLanguage, List<string> feedAuthors, string? source)
    {
        var warnings = new List<string>();
        var title = HtmlText.Line(String(item, "title"));
        var body = String(item, "content_html") is { } html ? HtmlText.Paragraphs(html) : HtmlText.PlainParagraphs(String(item, "content_text"));
        var summary = HtmlText.Line(String(item, "summary"));
        if (body.Length == 0 && summary.Length > 0)
        {
            body = summary;
            summary = "";
        }

        if (title.Length == 0 && body.Length == 0)
        {
            return null;
        }

        if (title.Length == 0)
        {
            var opening = body.Split("\n\n", 2)[0];
            title = opening.Length <= 120 ? opening : opening[..117] + "...";
            warnings.Add("The item has no title; its first sentence is used as one.");
        }

        var published = Time(item, "date_published", warnings);
        var modified = Time(item, "date_modified", warnings);
        if ((published ?? modified) is null)
        {
            warnings.Add("The item gives no time: it is imported as a draft for an editor to date.");
        }

        var authors = Authors(item);
        var tags = item.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0)
            : [];
        var story = new StoryContent
        {
            Headline = title,
            Subheadlines = summary.Length > 0 && summary != title ? [summary] : [],
            Language = SourceLanguage.Of(String(item, "language") ?? feedLanguage, title + " " + body, warnings),
            Bylines = authors.Count > 0 ? authors : feedAuthors,
            Tags = [.. tags.Distinct(StringComparer.OrdinalIgnoreCase)],
            Segments = body.Length > 0 ? [new ScriptSegment(SegmentKind.Article, body)] : [],
            PublishedAt = published ?? modified,
            UpdatedAt = published is not null && modified is not null && modified != published ? modified : null,
        };
        var id = item.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
        {
            JsonValueKind.String => idValue.GetString(),
            JsonValueKind.Number => idValue.GetRawText(),
            _ => null,
        } : null;
        return ReadResult.Success(story, warnings) with
        {
            Source = source ?? SourceOf(String(item, "url")) ?? "feed",
            Identity = string.IsNullOrWhiteSpace(id) ? String(item, "url") : id,
            Version = String(item, "date_modified") ?? String(item, "date_published"),
        };
    }

    private static List<string> Authors(JsonElement element)
    {
        var names = new List<string>();
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")).OfType<string>());
        }
        else if (element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
        {
            names.Add(name);
        }

        return [.. names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct()];
    }

    private static DateTimeOffset? Time(JsonElement item, string name, List<string> warnings)
    {
        var value = String(item, name);
        var time = SourceTime.Parse(value);
        if (value is not null && time is null)
        {
            warnings.Add($"The item's {name} '{value}' is not a time this reader understands; it is left out.");
        }

        return time;
    }

    private static string? SourceOf(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
