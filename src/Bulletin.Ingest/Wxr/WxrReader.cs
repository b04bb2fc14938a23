using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Ingest.Markup;

namespace Bulletin.Ingest.Wxr;

/// <summary>
/// Reads a WordPress export (WXR 1.0 to 1.2): one story per post and page, with its title, its content cleaned of
/// markup into paragraphs (WordPress keeps paragraphs as blank lines, not tags), its excerpt as a subheadline, its
/// author's display name from the export's author list, its first category as its section and its tags, and its
/// post id as its identity. Drafts, pending and private posts come in as drafts. Attachments, menu items and other
/// post types are not stories and are left out.
/// </summary>
/// <remarks>
/// WXR is RSS 2.0 with WordPress's namespaces, so System.ServiceModel.Syndication could parse the channel, but it
/// would give none of what an export is for (wp:author, wp:post_type, wp:status, post ids, categories by domain)
/// and refuses a whole file for one date it does not expect; no maintained .NET WXR reader exists. LINQ to XML over
/// the one secured reader reads the export's own elements by name.
/// </remarks>
public static partial class WxrReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static IReadOnlyList<ReadResult> Read(ReadOnlySpan<byte> bytes)
    {
        var (document, error) = SafeXml.Load(bytes);
        if (document?.Root is not { } root)
        {
            return [ReadResult.Failure(error!.Replace("The file is not well-formed XML", "The WXR file is not well-formed XML", StringComparison.Ordinal))];
        }

        return Read(root);
    }

    /// <summary>An RSS document that declares the WordPress export namespace (http or https, any version).</summary>
    public static bool IsWxr(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Name.LocalName == "rss" && WpNamespace(root) is not null;
    }

    public static IReadOnlyList<ReadResult> Read(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (WpNamespace(root) is not { } wp || root.Element("channel") is not { } channel)
        {
            return [ReadResult.Failure("The file is not a WordPress export: it has no channel in the WordPress export namespace.")];
        }

        var version = (string?)channel.Element(wp + "wxr_version");
        if (string.IsNullOrWhiteSpace(version) || !VersionPattern().IsMatch(version.Trim()))
        {
            return [ReadResult.Failure(string.IsNullOrWhiteSpace(version)
                ? "The file does not appear to be a WordPress export: it has no WXR version number (wp:wxr_version)."
                : $"The file does not appear to be a WordPress export: '{version.Trim()}' is not a WXR version number.")];
        }

        var authors = channel.Elements(wp + "author")
            .Select(a => (Login: ((string?)a.Element(wp + "author_login"))?.Trim(), Name: ((string?)a.Element(wp + "author_display_name"))?.Trim()))
            .Where(a => !string.IsNullOrEmpty(a.Login))
            .GroupBy(a => a.Login!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name is { Length: > 0 } name ? name : g.Key, StringComparer.Ordinal);
        // The blog's own address: on a multisite or WordPress.com export the site URL is the network's.
        var site = (string?)channel.Element(wp + "base_blog_url") ?? (string?)channel.Element("link") ?? (string?)channel.Element(wp + "base_site_url");
        var source = Uri.TryCreate(site?.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host + uri.AbsolutePath.TrimEnd('/') : null;
        var language = ((string?)channel.Element("language"))?.Trim();

        var results = new List<ReadResult>();
        foreach (var item in channel.Elements("item"))
        {
            var type = ((string?)item.Element(wp + "post_type"))?.Trim() ?? "post";
            if (type is "post" or "page")
            {
                results.Add(ReadPost(item, wp, type, authors, source, language));
            }
        }

        return results;
    }

    private static ReadResult ReadPost(XElement item, XNamespace wp, string type, Dictionary<string, string> authors, string? source, string? language)
    {
        var warnings = new List<string>();
        var id = ((string?)item.Element(wp + "post_id"))?.Trim();
        var guid = ((string?)item.Element("guid"))?.Trim();
        // The post id, not the guid: WordPress copies guids when a post is duplicated (the theme test data has two posts
        // with one guid), while ids are the rows of one table and never repeat within a site's export.
        var identity = id is { Length: > 0 } ? id : string.IsNullOrEmpty(guid) ? null : guid;
        var title = HtmlText.Line((string?)item.Element("title"));
        var body = HtmlText.Paragraphs(Paragraphed((string?)item.Element(Content + "encoded")));
        var excerpt = HtmlText.Line(item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.NamespaceName.Contains("excerpt", StringComparison.Ordinal))?.Value);
        if (title.Length == 0)
        {
            var opening = body.Split("\n\n", 2)[0];
            if (opening.Length == 0)
            {
                return ReadResult.Failure($"The WordPress {type} {id ?? guid ?? "(no id)"} has neither a title nor any text.") with { Identity = identity };
            }

            title = opening.Length <= 120 ? opening : opening[..117] + "...";
            warnings.Add($"The {type} has no title; its first sentence is used as one.");
        }

        var status = ((string?)item.Element(wp + "status"))?.Trim() ?? "publish";
        var published = WordPressTime((string?)item.Element(wp + "post_date_gmt")) ?? SourceTime.Parse((string?)item.Element("pubDate"));
        var modified = WordPressTime((string?)item.Element(wp + "post_modified_gmt"));
        if (status != "publish")
        {
            warnings.Add($"The {type} was {status} in WordPress: it is imported as a draft.");
        }
        else if (published is null)
        {
            warnings.Add($"The {type} gives no time: it is imported as a draft for an editor to date.");
        }

        // Hand-edited exports carry stray brackets around the login (the theme test data has ">themereviewteam").
        var login = ((string?)item.Element(Dc + "creator"))?.Trim().Trim('<', '>').Trim();
        var categories = item.Elements("category").ToList();
        var sections = categories.Where(c => (string?)c.Attribute("domain") == "category").Select(c => HtmlText.Line(c.Value)).Where(c => c.Length > 0).ToList();
        var tags = categories.Where(c => (string?)c.Attribute("domain") == "post_tag").Select(c => HtmlText.Line(c.Value)).Where(t => t.Length > 0);
        if (sections.Count > 1)
        {
            warnings.Add($"The {type} is in {sections.Count} categories; it goes in the first, '{sections[0]}', and the others become tags.");
        }

        var story = new StoryContent
        {
            Headline = title,
            Subheadlines = excerpt.Length > 0 && excerpt != title ? [excerpt] : [],
            Language = SourceLanguage.Of(language, title + " " + body, warnings),
            Bylines = string.IsNullOrEmpty(login) ? [] : [authors.GetValueOrDefault(login, login)],
            Tags = [.. tags.Concat(sections.Skip(1)).Distinct(StringComparer.OrdinalIgnoreCase)],
            Segments = body.Length > 0 ? [new ScriptSegment(SegmentKind.Article, body)] : [],
            PublishedAt = published,
            UpdatedAt = modified is not null && modified != published ? modified : null,
        };
        return ReadResult.Success(story, warnings) with
        {
            Source = source ?? "wxr",
            Identity = identity,
            Version = modified?.ToString("O", CultureInfo.InvariantCulture),
            Draft = status != "publish",
            Section = sections.FirstOrDefault(),
        };
    }

    /// <summary>WordPress stores paragraphs as blank lines and adds the tags when it shows a post; so do we.</summary>
    private static string Paragraphed(string? content) =>
        string.IsNullOrEmpty(content) ? "" : BlankLines().Replace(content.Replace("\r\n", "\n", StringComparison.Ordinal), "\n<br>\n");

    /// <summary>"2010-10-16 20:53:18" in UTC; WordPress writes zeros for a draft's date.</summary>
    private static DateTimeOffset? WordPressTime(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.StartsWith("0000", StringComparison.Ordinal)
            && DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;

    private static XNamespace? WpNamespace(XElement root) =>
        root.Attributes().Where(a => a.IsNamespaceDeclaration)
            .Select(a => a.Value)
            .FirstOrDefault(v => WpPattern().IsMatch(v)) is { } ns ? XNamespace.Get(ns) : null;

    [GeneratedRegex(@"^https?://wordpress\.org/export/\d+\.\d+/$", RegexOptions.CultureInvariant)]
    private static partial Regex WpPattern();

    [GeneratedRegex(@"^\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\n[ \t]*\n", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
