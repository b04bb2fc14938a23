using Bulletin.Core.Stories;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Bulletin.Search;

/// <summary>
/// Turns what someone typed into a Lucene query without a query syntax, so no input can make it throw.
/// Every word must match (in any field of either language); a word that analyses into several pieces
/// (a Korean word of three or more syllables, "e-mail") must match them as a phrase, never as a loose OR.
/// </summary>
internal static class StoryQueryBuilder
{
    // A match in one field should count, not be summed over every field the word happens to appear in.
    private const float TieBreaker = 0.1f;

    // Particles and endings that follow a Korean noun. A query word ending in one of them also matches the bare
    // noun (북한이 → 북한), because the bigram of the particle (한이) is often not in a story that says 북한은.
    // Longest first, so 에서 is tried before 서.
    private static readonly string[] Particles =
    [
        "에서는", "으로는", "에게서", "이라는", "에서", "으로", "에게", "한테", "까지", "부터", "보다", "처럼",
        "이나", "이며", "이다", "에는", "에도", "와는", "과는", "은", "는", "이", "가", "을", "를", "에", "의",
        "도", "로", "와", "과", "만",
    ];

    /// <summary>The query for the words of <paramref name="text"/>, or null when there are no words at all.</summary>
    /// <param name="nothingToFind">True when words were typed but none can match anything (a stop word alone).</param>
    public static Query? ForText(Analyzer analyzer, string? text, out bool nothingToFind)
    {
        nothingToFind = false;
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            if (ForWord(analyzer, word) is { } wordQuery)
            {
                all.Add(wordQuery, Occur.MUST);
            }
        }

        if (all.Clauses.Count == 0)
        {
            nothingToFind = true;
            return null;
        }

        return all;
    }

    public static Filter? ForFilters(SearchQuery query)
    {
        var filters = new BooleanQuery();
        if (query.Audience == SearchAudience.Public)
        {
            filters.Add(new TermQuery(new Term(StoryFields.IsPublished, "1")), Occur.MUST);
        }

        AddKeyword(filters, StoryFields.Section, query.SectionSlug);
        AddKeyword(filters, StoryFields.Tag, query.Tag);
        AddKeyword(filters, StoryFields.Byline, query.Byline);
        if (query.Language is { } language)
        {
            filters.Add(new TermQuery(new Term(StoryFields.Language, language.ToCode())), Occur.MUST);
        }

        if (query.PublishedFrom is not null || query.PublishedBefore is not null)
        {
            filters.Add(
                NumericRangeQuery.NewInt64Range(
                    StoryFields.PublishedAt,
                    query.PublishedFrom?.ToUnixTimeMilliseconds(),
                    query.PublishedBefore?.ToUnixTimeMilliseconds(),
                    minInclusive: true,
                    maxInclusive: false),
                Occur.MUST);
        }

        return filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters);
    }

    private static void AddKeyword(BooleanQuery filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new TermQuery(new Term(field, StoryFields.Keyword(value))), Occur.MUST);
        }
    }

    private static DisjunctionMaxQuery? ForWord(Analyzer analyzer, string word)
    {
        var stem = KoreanStem(word);
        var anyField = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (prefix, boost) in StoryFields.Weighted)
        {
            foreach (var language in StoryFields.Languages)
            {
                var field = StoryFields.Text(prefix, language);
                var query = Pieces(analyzer, field, word);
                if (query is not null && stem is not null && language == Language.Korean
                    && Pieces(analyzer, field, stem) is { } bare)
                {
                    var either = new BooleanQuery(disableCoord: true)
                    {
                        { query, Occur.SHOULD },
                        { bare, Occur.SHOULD },
                    };
                    query = either;
                }

                if (query is not null)
                {
                    query.Boost = boost;
                    anyField.Add(query);
                }
            }
        }

        return anyField.Disjuncts.Count == 0 ? null : anyField;
    }

    private static Query? Pieces(Analyzer analyzer, string field, string text)
    {
        var terms = StoryAnalyzer.Terms(analyzer, field, text);
        switch (terms.Count)
        {
            case 0:
                return null;
            case 1:
                return new TermQuery(new Term(field, terms[0].Term));
            default:
                var phrase = new PhraseQuery();
                foreach (var (term, position) in terms)
                {
                    phrase.Add(new Term(field, term), position);
                }

                return phrase;
        }
    }

    /// <summary>The noun before a trailing particle, when the word is Hangul and at least two syllables remain.</summary>
    internal static string? KoreanStem(string word)
    {
        var trimmed = word.Trim(Punctuation);
        if (trimmed.Length < 3 || !trimmed.All(IsHangulSyllable))
        {
            return null;
        }

        foreach (var particle in Particles)
        {
            if (trimmed.Length - particle.Length >= 2 && trimmed.EndsWith(particle, StringComparison.Ordinal))
            {
                return trimmed[..^particle.Length];
            }
        }

        return null;
    }

    private static readonly char[] Punctuation = ".,;:!?\"'()[]{}<>“”‘’·…「」『』".ToCharArray();

    private static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
