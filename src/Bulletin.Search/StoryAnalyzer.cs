using Bulletin.Core.Stories;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Bulletin.Search;

/// <summary>
/// Korean fields get overlapping two-syllable pieces (북한이 → 북한, 한이), which needs no dictionary and finds a
/// word whatever particle follows it; English fields get stemming, so "deploy" finds "deployed".
/// </summary>
internal static class StoryAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create()
    {
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        var korean = new CJKAnalyzer(Version);
        var english = new EnglishAnalyzer(Version);
        foreach (var (prefix, _) in StoryFields.Weighted)
        {
            perField[StoryFields.Text(prefix, Language.Korean)] = korean;
            perField[StoryFields.Text(prefix, Language.English)] = english;
        }

        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    /// <summary>The terms a piece of text becomes in a field, with their positions (for phrase queries).</summary>
    public static List<(string Term, int Position)> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }
}
