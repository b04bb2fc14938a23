using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bulletin.Core.Stories;
using Bulletin.Site;

namespace Bulletin.Feeds;

/// <summary>
/// A story's whole script as a fragment of plain HTML for feed readers, which drop classes and styles: who speaks
/// is said in words ([Anchor], [Reporter]), soundbites are quotations with their speaker, the sign-off ends it.
/// </summary>
public static class StoryHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(PublishedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
                var html = new StringBuilder(1024);
        foreach (var subheadline in story.Subheadlines)
        {
            html.Append("<p><strong>").Append(Encode(subheadline)).Append("</strong></p>");
        }

        foreach (var segment in story.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Soundbite:
                    html.Append("<blockquote>");
                    Paragraphs(html, segment);
                    html.Append("<p>— <cite>").Append(Encode(segment.Speaker ?? "")).Append("</cite>");
                    if (!string.IsNullOrWhiteSpace(segment.Title))
                    {
                        html.Append(", ").Append(Encode(segment.Title));
                    }

                    if (!string.IsNullOrWhiteSpace(segment.When))
                    {
                        html.Append(" (").Append(Encode(segment.When)).Append(')');
                    }

                    html.Append("</p></blockquote>");
                    break;
                default:
                    var marker = segment.Kind switch
                    {
                        SegmentKind.Anchor => SiteText.Anchor[story.Language],
                        SegmentKind.Reporter => SiteText.Reporter[story.Language],
                        _ => segment.Speaker ?? "",
                    };
                    if (marker.Length > 0)
                    {
                        html.Append("<p><strong>[").Append(Encode(marker)).Append("]</strong></p>");
                    }

                    Paragraphs(html, segment);
                    break;
            }
        }

        if (!string.IsNullOrWhiteSpace(story.SignOff))
        {
            html.Append("<p><em>").Append(Encode(story.SignOff)).Append("</em></p>");
        }

        return html.ToString();
    }

    private static void Paragraphs(StringBuilder html, ScriptSegment segment)
    {
        foreach (var paragraph in segment.Paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }
    }

    private static string Encode(string value) => Encoder.Encode(value);
}
