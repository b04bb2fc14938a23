using System.Globalization;
using System.Xml.Linq;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>
/// A story as an IPTC NewsML-G2 2.35 newsItem, beside its ninjs: the same identity (urn:uuid), version, times,
/// status (a killed story is stat:canceled, without its text), byline, section and tags, and the script as the
/// XHTML that feed readers get, in inlineXML. Valid against the IPTC's 2.35 Power schema.
/// </summary>
public static class NewsMlG2Document
{
    public const string ContentType = "application/vnd.iptc.g2.newsitem+xml";

    private static readonly XNamespace G2 = "http://iptc.org/std/nar/2006-10-01/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static XDocument Build(PublishedStory story, StoryStatus status, Section? section, string storyUrl, string siteName, SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(clock);
        var canceled = status == StoryStatus.Killed;
        var language = story.Language.ToCode();

        var itemMeta = new XElement(G2 + "itemMeta",
            new XElement(G2 + "itemClass", new XAttribute("qcode", "ninat:text")),
            new XElement(G2 + "provider", new XAttribute("literal", siteName)),
            new XElement(G2 + "versionCreated", clock.Iso(FeedRendering.Modified(story))),
            new XElement(G2 + "firstCreated", clock.Iso(story.PublishedAt < story.CreatedAt ? story.PublishedAt : story.CreatedAt)),
            new XElement(G2 + "pubStatus", new XAttribute("qcode", NinjsDocument.PubStatus(status) switch
            {
                "usable" => "stat:usable",
                "canceled" => "stat:canceled",
                _ => "stat:withheld",
            })),
            new XElement(G2 + "link", new XAttribute("rel", "irel:seeAlso"), new XAttribute("href", storyUrl), new XAttribute("contenttype", "text/html")));

        var contentMeta = new XElement(G2 + "contentMeta",
            new XElement(G2 + "contentCreated", clock.Iso(story.PublishedAt)),
            story.Bylines.Select(b => new XElement(G2 + "creator", new XAttribute("role", "crol:author"), new XElement(G2 + "name", b))),
            new XElement(G2 + "language", new XAttribute("tag", language)),
            section is null ? null : new XElement(G2 + "subject", new XAttribute("type", "cpnat:abstract"), new XAttribute("literal", section.Slug),
                new XElement(G2 + "name", section.NameIn(story.Language))),
            story.Tags.Select(t => new XElement(G2 + "keyword", t)),
            new XElement(G2 + "slugline", story.Slug),
            new XElement(G2 + "headline", story.Headline),
            story.Subheadlines.Select(s => new XElement(G2 + "headline", new XAttribute("role", "hld:subHeadline"), s)),
            story.Bylines.Count == 0 ? null : new XElement(G2 + "by", string.Join(", ", story.Bylines)));

        // A canceled item tells subscribers to withdraw it: its text goes no further.
        var contentSet = canceled
            ? null
            : new XElement(G2 + "contentSet",
                new XElement(G2 + "inlineXML", new XAttribute("contenttype", "application/xhtml+xml"),
                    new XElement(Xhtml + "html",
                        new XElement(Xhtml + "head", new XElement(Xhtml + "title", story.Headline)),
                        Body(story))));

        var item = new XElement(G2 + "newsItem",
            new XAttribute("guid", $"urn:uuid:{story.Id}"),
            new XAttribute("version", story.Version.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("standard", "NewsML-G2"),
            new XAttribute("standardversion", "2.35"),
            new XAttribute("conformance", "power"),
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(G2 + "catalogRef", new XAttribute("href", "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml")),
            new XElement(G2 + "rightsInfo", new XElement(G2 + "copyrightHolder", new XElement(G2 + "name", siteName))),
            itemMeta,
            contentMeta,
            contentSet);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), item);
    }

    /// <summary>The feed readers' HTML of the script, parsed into XHTML: it is encoded so that it is well-formed as XML.</summary>
    private static XElement Body(PublishedStory story)
    {
        var body = XElement.Parse($"<body xmlns=\"{Xhtml.NamespaceName}\">{StoryHtml.Render(story)}</body>", LoadOptions.None);
        return body;
    }
}
