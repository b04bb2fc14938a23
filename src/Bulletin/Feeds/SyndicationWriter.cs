using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 through System.ServiceModel.Syndication. RSS carries the whole script as escaped HTML in
/// description, the bylines as dc:creator (RSS's own author element must be an e-mail address) and a self link;
/// Atom carries it as html content, with the first paragraph as summary.
/// </summary>
public static class SyndicationWriter
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string MediaRss = "http://search.yahoo.com/mrss/";

    public static byte[] Write(FeedRendering feed, IReadOnlyList<PublishedStory> stories, FeedFormat format)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(stories);
        var atom = format == FeedFormat.Atom;
        var home = new Uri(feed.Absolute(feed.Scope.HomePath));
        var updated = stories.Count > 0 ? stories.Max(FeedRendering.Modified) : feed.Now;
        var syndication = new SyndicationFeed(feed.Scope.Title, feed.Scope.Title, home, feed.Absolute(feed.Scope.PathOf(format)), feed.Clock.Local(updated))
        {
            Language = feed.Scope.Edition.ToCode(),
            Generator = "Bulletin",
            Copyright = new TextSyndicationContent("© " + feed.SiteName),
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feed.Absolute(feed.Scope.PathOf(format))), format.ContentType));
        if (atom)
        {
            syndication.Authors.Add(new SyndicationPerson { Name = feed.SiteName, Uri = feed.Absolute(StoryPaths.Home(feed.Scope.Edition)) });
        }
        else
        {
            syndication.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
        }

        syndication.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaRss);

        syndication.Items = [.. stories.Select(story => Item(feed, story, atom))];

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter(syndication) : new Rss20FeedFormatter(syndication, serializeExtensionsAsAtom: true);
            formatter.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedRendering feed, PublishedStory story, bool atom)
    {
        var url = new Uri(feed.Absolute(StoryPaths.Story(story)));
        var html = StoryHtml.Render(story);
        var item = new SyndicationItem
        {
            Title = new TextSyndicationContent(story.Headline),
            PublishDate = feed.Clock.Local(FeedRendering.Published(story)),
            LastUpdatedTime = feed.Clock.Local(FeedRendering.Modified(story)),
        };
        foreach (var tag in story.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        // Media RSS: the lead photo as the feed readers' thumbnail and picture, with its size, words and credit.
        if (feed.Lead(story) is { } lead)
        {
            var media = XNamespace.Get(MediaRss);
            var content = new XElement(media + "content",
                new XAttribute("url", feed.Absolute(lead.Src)), new XAttribute("medium", "image"), new XAttribute("type", "image/jpeg"));
            if (lead.Crop("16x9") is { } card)
            {
                content.SetAttributeValue("url", feed.Absolute(lead.PathOf(card)));
                content.Add(new XAttribute("width", card.Width), new XAttribute("height", card.Height));
            }

            if (lead.Caption.Length > 0)
            {
                content.Add(new XElement(media + "description", lead.Caption));
            }

            if (lead.Credit.Length > 0)
            {
                content.Add(new XElement(media + "credit", lead.Credit));
            }

            item.ElementExtensions.Add(content.CreateReader());
        }

        if (atom)
        {
            item.Id = $"urn:uuid:{story.Id}";
            item.Links.Add(SyndicationLink.CreateAlternateLink(url, "text/html"));
            item.Content = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
            if (NewsArticleJsonLd.Describe(story) is { } summary)
            {
                item.Summary = new TextSyndicationContent(summary);
            }

            foreach (var byline in story.Bylines)
            {
                item.Authors.Add(new SyndicationPerson { Name = byline });
            }
        }
        else
        {
            // The story's address is its permanent id: it is built from the slug, which never changes.
            item.AddPermalink(url);
            item.Summary = new TextSyndicationContent(html, TextSyndicationContentKind.Html);
            foreach (var byline in story.Bylines)
            {
                item.ElementExtensions.Add("creator", DublinCore, byline);
            }
        }

        return item;
    }
}
