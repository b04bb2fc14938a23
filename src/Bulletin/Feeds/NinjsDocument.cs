using System.Text.Json.Nodes;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Media;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>
/// A story as an IPTC ninjs 3.1 news item. The script keeps its broadcast structure: one text/plain body per
/// script part, with the part as its role (anchor, reporter, speaker, soundbite, signOff), and the whole as
/// one text/html body with role "main". Soundbite and programme speakers are listed under people.
/// </summary>
public static class NinjsDocument
{
    public const string SchemaUri = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

    /// <param name="status">Published, or Killed for a withdrawn story (as it last went out, without its text).</param>
    /// <param name="pictures">The story's photos by id; <paramref name="absolute"/> makes their paths whole addresses.</param>
    public static JsonObject Build(PublishedStory story, StoryStatus status, Section? section, string storyUrl, string siteName, SiteClock clock,
        IReadOnlyDictionary<Guid, MediaPicture>? pictures = null, Func<string, string>? absolute = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(clock);
        var pubStatus = PubStatus(status);
        var item = new JsonObject
        {
            // A URN, not the page's address: the item keeps its identity wherever the site is served from.
            ["uri"] = $"urn:uuid:{story.Id}",
            ["type"] = "text",
            ["version"] = story.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // An imported story may have gone out before it reached this database.
            ["firstCreated"] = clock.Iso(story.PublishedAt < story.CreatedAt ? story.PublishedAt : story.CreatedAt),
            ["versionCreated"] = clock.Iso(FeedRendering.Modified(story)),
            ["pubStatus"] = pubStatus,
            ["language"] = story.Language.ToCode(),
            ["slugline"] = story.Slug,
            ["copyrightHolder"] = siteName,
            ["headlines"] = Headlines(story),
        };
        item["contentCreated"] = clock.Iso(story.PublishedAt);

        if (story.Bylines.Count > 0)
        {
            item["by"] = string.Join(", ", story.Bylines);
        }

        // A canceled item tells subscribers to withdraw it: its text goes no further.
        if (pubStatus != Canceled)
        {
            if (NewsArticleJsonLd.Describe(story) is { } summary)
            {
                item["descriptions"] = new JsonArray(Text("summary", "text/plain", summary));
            }

            item["bodies"] = Bodies(story);
            if (People(story) is { Count: > 0 } people)
            {
                item["people"] = people;
            }
        }

        var subjects = new JsonArray();
        if (section is not null)
        {
            subjects.Add(new JsonObject { ["name"] = section.NameIn(story.Language), ["rel"] = "section", ["literal"] = section.Slug });
        }

        foreach (var tag in story.Tags)
        {
            subjects.Add(new JsonObject { ["name"] = tag, ["rel"] = "tag", ["literal"] = tag });
        }

        if (subjects.Count > 0)
        {
            item["subjects"] = subjects;
        }

        if (pubStatus != Canceled && pictures is { Count: > 0 } && absolute is not null && Associations(story, pictures, absolute) is { Count: > 0 } associations)
        {
            item["associations"] = associations;
        }

        item["renditions"] = new JsonArray(new JsonObject { ["name"] = "web", ["href"] = storyUrl, ["contentType"] = "text/html" });
        item["standard"] = new JsonObject { ["name"] = "ninjs", ["version"] = "3.1", ["schema"] = SchemaUri };
        return item;
    }

    /// <summary>
    /// The lead photo ("featureimage", as IPTC's examples name it) and each photo between segments ("photo-1"...), every
    /// one a picture item of its own with its caption, alt text, credit and all its renditions.
    /// </summary>
    private static JsonArray Associations(PublishedStory story, IReadOnlyDictionary<Guid, MediaPicture> pictures, Func<string, string> absolute)
    {
        var associations = new JsonArray();
        if (story.LeadMediaId is { } leadId && pictures.GetValueOrDefault(leadId) is { } lead)
        {
            associations.Add(Picture("featureimage", "lead", lead, null, absolute));
        }

        var n = 0;
        foreach (var segment in story.Segments)
        {
            if (segment is { Kind: SegmentKind.Photo, MediaId: { } id } && pictures.GetValueOrDefault(id) is { } photo)
            {
                associations.Add(Picture($"photo-{++n}", "inline", photo, segment.Text.Length > 0 ? segment.Text : null, absolute));
            }
        }

        return associations;
    }

    private static JsonObject Picture(string name, string rel, MediaPicture picture, string? caption, Func<string, string> absolute)
    {
        var association = new JsonObject
        {
            ["name"] = name,
            ["rel"] = rel,
            ["uri"] = $"urn:uuid:{picture.Id}",
            ["type"] = "picture",
        };
        if ((caption ?? picture.Caption) is { Length: > 0 } text)
        {
            association["headlines"] = new JsonArray(new JsonObject { ["value"] = text });
        }

        var descriptions = new JsonArray();
        if (picture.Alt.Length > 0)
        {
            descriptions.Add(Text("alt", "text/plain", picture.Alt));
        }

        if (descriptions.Count > 0)
        {
            association["descriptions"] = descriptions;
        }

        if (picture.Credit.Length > 0)
        {
            association["by"] = picture.Credit;
        }

        association["renditions"] = new JsonArray([.. picture.All.Select(r =>
        {
            var rendition = new JsonObject
            {
                ["name"] = r.Name,
                ["href"] = absolute(picture.PathOf(r)),
                ["contentType"] = r.ContentType,
                ["width"] = r.Width,
                ["height"] = r.Height,
                ["sizeInBytes"] = r.Bytes,
            };
            if (r.Crop is { } crop)
            {
                rendition["aspectRatio"] = crop.Replace('x', ':');
            }

            return (JsonNode)rendition;
        })]);
        return association;
    }

    private const string Usable = "usable";
    private const string Withheld = "withheld";
    private const string Canceled = "canceled";

    /// <summary>
    /// Published stories are usable; a killed story is canceled (withdrawn from use); anything else is not out yet,
    /// which ninjs calls withheld.
    /// </summary>
    public static string PubStatus(StoryStatus status) => status switch
    {
        StoryStatus.Published => Usable,
        StoryStatus.Killed => Canceled,
        _ => Withheld,
    };

    private static JsonArray Headlines(PublishedStory story)
    {
        var headlines = new JsonArray(Text("main", "text/plain", story.Headline));
        foreach (var subheadline in story.Subheadlines)
        {
            headlines.Add(Text("subheadline", "text/plain", subheadline));
        }

        return headlines;
    }

    private static JsonArray Bodies(PublishedStory story)
    {
        var html = StoryHtml.Render(story);
        var bodies = new JsonArray(Text("main", "text/html", html));
        foreach (var segment in story.Segments)
        {
            var text = string.Join("\n\n", segment.Paragraphs);
            var body = Text(segment.Kind.ToCode(), "text/plain", text);
            body["charCount"] = text.Length;
            body["wordCount"] = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            bodies.Add(body);
        }

        if (!string.IsNullOrWhiteSpace(story.SignOff))
        {
            bodies.Add(Text("signOff", "text/plain", story.SignOff));
        }

        return bodies;
    }

    private static JsonArray People(PublishedStory story)
    {
        var people = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var byline in story.Bylines.Where(seen.Add))
        {
            people.Add(new JsonObject { ["name"] = byline, ["rel"] = "reporter" });
        }

        if (story.Programme is { } programme)
        {
            if (!string.IsNullOrWhiteSpace(programme.Host) && seen.Add(programme.Host))
            {
                people.Add(new JsonObject { ["name"] = programme.Host, ["rel"] = "host" });
            }

            foreach (var guest in programme.Guests.Where(seen.Add))
            {
                people.Add(new JsonObject { ["name"] = guest, ["rel"] = "guest" });
            }
        }

        foreach (var segment in story.Segments.Where(s => s.Kind is SegmentKind.Soundbite or SegmentKind.Speaker))
        {
            if (!string.IsNullOrWhiteSpace(segment.Speaker) && seen.Add(segment.Speaker))
            {
                people.Add(new JsonObject { ["name"] = segment.Speaker, ["rel"] = segment.Kind.ToCode() });
            }
        }

        return people;
    }

    private static JsonObject Text(string role, string contentType, string value) =>
        new() { ["role"] = role, ["contentType"] = contentType, ["value"] = value };
}
