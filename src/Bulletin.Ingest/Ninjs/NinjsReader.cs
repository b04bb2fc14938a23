using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Markup;

namespace Bulletin.Ingest.Ninjs;

/// <summary>
/// Reads an IPTC ninjs document, versions 1.x to 3.x, into a story: the headline (1.x `headline` or `headline_*`,
/// 2.x and 3.x `headlines` by role, an event's `title`), the body by role and content type (HTML, plain text or
/// NITF), times, byline, subjects and keywords as tags, and `uri`, `version` and `pubStatus` for re-import and kills.
/// Property names are matched without regard to case: 3.0 renamed `versioncreated` to `versionCreated` and so on.
/// </summary>
public static class NinjsReader
{
    /// <summary>ninjs items are small; a nesting this deep is an attack on the parser, not a news item.</summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ReadResult Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), Options);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return ReadResult.Failure($"The file is not valid JSON: {e.Message}");
        }
    }

    public static ReadResult Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Failure("The file is JSON but not a ninjs item: a ninjs item is one JSON object.");
        }

        var uri = String(item, "uri");
        if (uri is null)
        {
            return ReadResult.Failure("The file is JSON but not a ninjs item: it has no \"uri\", which every ninjs item must have.");
        }

        var warnings = new List<string>();
        var type = String(item, "type");
        var (body, bodyWarning) = Body(item);
        if (bodyWarning is not null)
        {
            warnings.Add(bodyWarning);
        }

        var descriptions = Texts(item, "descriptions", "description_text", "description_html", "description_");
        var headline = Headline(item, "main") ?? String(item, "title") ?? String(item, "slugline");
        if (string.IsNullOrWhiteSpace(body) && descriptions.Count > 0)
        {
            // A picture, a video or an event carries its words as descriptions (a caption, a summary).
            body = string.Join("\n\n", descriptions);
            descriptions = [];
        }

        if (headline is null)
        {
            var opening = body.Split("\n\n", 2)[0];
            if (opening.Length == 0)
            {
                return ReadResult.Failure($"The ninjs item {uri} has neither a headline nor any text.");
            }

            headline = opening.Length <= 120 ? opening : opening[..117] + "...";
            warnings.Add("The item has no headline; its first sentence is used as one.");
        }

        if (type is not null and not ("text" or "composite"))
        {
            warnings.Add($"The item is of type '{type}': its words are imported, its {type} is not.");
        }

        var subheadlines = new List<string>();
        if (Headline(item, "sub") is { } sub)
        {
            subheadlines.Add(sub);
        }

        var first = Time(item, "firstCreated", warnings);
        var latest = Time(item, "versionCreated", warnings);
        var content = new StoryContent
        {
            Headline = headline,
            Subheadlines = subheadlines,
            Language = SourceLanguage.Of(String(item, "language"), headline + " " + body, warnings),
            Bylines = Bylines(item),
            Tags = Tags(item),
            Segments = body.Length > 0 ? [new ScriptSegment(SegmentKind.Article, body)] : [],
            PublishedAt = first ?? latest,
            UpdatedAt = first is not null && latest is not null && latest != first ? latest : null,
        };
        if (content.PublishedAt is null)
        {
            warnings.Add("The item gives no time: it is imported as a draft for an editor to date.");
        }

        var status = String(item, "pubStatus");
        if (status == "withheld")
        {
            warnings.Add("The source has withheld this item for now: check with the agency before publishing it.");
        }

        return ReadResult.Success(content, warnings) with
        {
            Source = SourceOf(uri, item) ?? "ninjs",
            Identity = uri,
            Version = String(item, "version") ?? String(item, "versionCreated"),
            Killed = status == "canceled",
        };
    }

    private static (string Body, string? Warning) Body(JsonElement item)
    {
        // 2.x and 3.x: "bodies" with a role and a content type; the main body, in the richest form given.
        if (Property(item, "bodies") is { ValueKind: JsonValueKind.Array } bodies)
        {
            var candidates = bodies.EnumerateArray()
                .Where(b => b.ValueKind == JsonValueKind.Object && String(b, "value") is not null)
                .OrderBy(b => String(b, "role") is null or "main" or "text" or "html" or "nitf" or "body" ? 0 : 1)
                .ThenBy(b => Richness(String(b, "contentType")))
                .ToList();
            foreach (var candidate in candidates)
            {
                var text = Convert(String(candidate, "contentType"), String(candidate, "value")!, out var warning);
                if (text.Length > 0 || warning is not null)
                {
                    return (text, warning);
                }
            }
        }

        // 1.x: body_html, body_text and body_{role}.
        if (String(item, "body_html") is { } html)
        {
            return (HtmlText.Paragraphs(html), null);
        }

        if (String(item, "body_text") is { } plain)
        {
            return (HtmlText.PlainParagraphs(plain), null);
        }

        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.StartsWith("body_", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                var value = property.Value.GetString()!;
                return (value.Contains('<', StringComparison.Ordinal) ? HtmlText.Paragraphs(value) : HtmlText.PlainParagraphs(value), null);
            }
        }

        return ("", null);
    }

    private static int Richness(string? contentType) => contentType?.ToLowerInvariant() switch
    {
        "text/vnd.iptc.nitf" or "application/nitf+xml" => 0,
        "text/html" or "application/xhtml+xml" => 1,
        _ => 2,
    };

    private static string Convert(string? contentType, string value, out string? warning)
    {
        warning = null;
        switch (contentType?.ToLowerInvariant())
        {
            case "text/vnd.iptc.nitf" or "application/nitf+xml":
                var (document, error) = SafeXml.Load(System.Text.Encoding.UTF8.GetBytes(value));
                if (document?.Root is { } nitf)
                {
                    return NitfText.Paragraphs(nitf);
                }

                warning = $"The NITF body could not be read ({error}); its text is imported with the markup removed.";
                return HtmlText.Paragraphs(value);
            case "text/html" or "application/xhtml+xml":
                return HtmlText.Paragraphs(value);
            case null when value.Contains('<', StringComparison.Ordinal):
                return HtmlText.Paragraphs(value);
            default:
                return HtmlText.PlainParagraphs(value);
        }
    }

    private static string? Headline(JsonElement item, string role)
    {
        if (Property(item, "headlines") is { ValueKind: JsonValueKind.Array } headlines)
        {
            var list = headlines.EnumerateArray().Where(h => h.ValueKind == JsonValueKind.Object && String(h, "value") is not null).ToList();
            var match = list.FirstOrDefault(h => string.Equals(String(h, "role"), role, StringComparison.OrdinalIgnoreCase));
            if (match.ValueKind == JsonValueKind.Undefined && role == "main")
            {
                match = list.FirstOrDefault(h => String(h, "role") is null) is { ValueKind: JsonValueKind.Object } unnamed ? unnamed : list.FirstOrDefault();
            }

            if (match.ValueKind == JsonValueKind.Object)
            {
                return HtmlText.Line(String(match, "value")) is { Length: > 0 } line ? line : null;
            }
        }

        // 1.x: "headline", or "headline_main", "headline_sub"...
        var value = role == "main" ? String(item, "headline") ?? String(item, "headline_main") : String(item, $"headline_{role}");
        if (value is null && role == "main")
        {
            value = item.EnumerateObject()
                .Where(p => p.Name.StartsWith("headline_", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => p.Value.GetString())
                .FirstOrDefault();
        }

        return HtmlText.Line(value) is { Length: > 0 } text ? text : null;
    }

    private static List<string> Texts(JsonElement item, string array, string plain, string html, string prefix)
    {
        var texts = new List<string>();
        if (Property(item, array) is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var entry in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (String(entry, "value") is { } value)
                {
                    texts.Add(Convert(String(entry, "contentType"), value, out _));
                }
            }
        }
        else if (String(item, plain) is { } text)
        {
            texts.Add(HtmlText.PlainParagraphs(text));
        }
        else if (String(item, html) is { } markup)
        {
            texts.Add(HtmlText.Paragraphs(markup));
        }
        else
        {
            texts.AddRange(item.EnumerateObject()
                .Where(p => p.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                .Select(p => HtmlText.PlainParagraphs(p.Value.GetString())));
        }

        return [.. texts.Where(t => t.Length > 0).Distinct()];
    }

    private static List<string> Bylines(JsonElement item)
    {
        if ((String(item, "by") ?? String(item, "byline")) is { } by && HtmlText.Line(by) is { Length: > 0 } line)
        {
            return [line];
        }

        // 3.x may name the authors only among the people, with rel "author" or "creator".
        return Property(item, "people") is { ValueKind: JsonValueKind.Array } people
            ? [.. people.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && String(p, "rel") is "author" or "creator" or "byline")
                .Select(p => String(p, "name")).OfType<string>()]
            : [];
    }

    private static List<string> Tags(JsonElement item)
    {
        var tags = new List<string>();
        foreach (var name in new[] { "subjects", "subject" })
        {
            if (Property(item, name) is { ValueKind: JsonValueKind.Array } subjects)
            {
                tags.AddRange(subjects.EnumerateArray()
                    .Where(s => s.ValueKind == JsonValueKind.Object)
                    .Select(s => String(s, "name")).OfType<string>());
            }
        }

        if (Property(item, "keywords") is { ValueKind: JsonValueKind.Array } keywords)
        {
            tags.AddRange(keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!));
        }

        return [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
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

    /// <summary>The agency: a urn:newsml:PROVIDER:... or the host of an address; else the copyright holder.</summary>
    private static string? SourceOf(string uri, JsonElement item)
    {
        if (uri.StartsWith("urn:newsml:", StringComparison.OrdinalIgnoreCase))
        {
            return uri.Split(':')[2];
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var address) && address.Host.Length > 0)
        {
            return address.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? address.Host[4..] : address.Host;
        }

        return String(item, "copyrightHolder") is { Length: > 0 } holder ? holder : null;
    }

    private static JsonElement? Property(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
