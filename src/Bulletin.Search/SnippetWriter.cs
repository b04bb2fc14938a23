using Bulletin.Core.Stories;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Bulletin.Search;

/// <summary>
/// The passage of a story shown under its headline in the results: the best one or two passages of the body with
/// the matched words in &lt;mark&gt;, or, when the words matched elsewhere, the opening of the body.
/// </summary>
internal static class SnippetWriter
{
    private const int PassageLength = 160;
    private const string Gap = " … ";

    public static string Write(Analyzer analyzer, Query? textQuery, Language language, string headline, string body)
    {
        // Same length, so the analyser's offsets still point at the right characters.
        var text = body.Replace('\n', ' ').Replace('\r', ' ');
        if (text.Trim().Length == 0)
        {
            return Highlight(analyzer, textQuery, StoryFields.Text(StoryFields.HeadlineText, language), headline)
                ?? HtmlTextEncoder.Instance.EncodeText(headline);
        }

        return Highlight(analyzer, textQuery, StoryFields.Text(StoryFields.BodyText, language), text)
            ?? HtmlTextEncoder.Instance.EncodeText(Opening(text));
    }

    private static string? Highlight(Analyzer analyzer, Query? textQuery, string field, string text)
    {
        if (textQuery is null)
        {
            return null;
        }

        // Scoring by terms rather than by spans: the span scorer builds an in-memory index of every hit's text,
        // which made snippets cost more than the search. The price is that a Korean bigram is marked even where it
        // is not part of the whole query word, which is rare and harmless.
        var scorer = new QueryTermScorer(textQuery, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), HtmlTextEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleFragmenter(PassageLength),
        };

        try
        {
            using var stream = analyzer.GetTokenStream(field, text);
            var passages = highlighter.GetBestFragments(stream, text, 2);
            return passages.Length == 0 ? null : string.Join(Gap, passages.Select(passage => passage.Trim()));
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Opening(string text)
    {
        text = text.Trim();
        if (text.Length <= PassageLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', PassageLength);
        return string.Concat(text.AsSpan(0, cut > PassageLength / 2 ? cut : PassageLength), "…");
    }
}
