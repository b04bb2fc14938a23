using System.Text;
using Bulletin.Core.Stories;

namespace Bulletin.Search.Benchmark;

/// <summary>Stories with the shape of real ones (headline, body, speakers, tags), from a fixed seed.</summary>
internal sealed class StoryGenerator(Vocabulary words, int seed)
{
    private static readonly DateTimeOffset Latest = new(2024, 10, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sections = ["politics", "economy", "society", "world", "north-korea", "culture", "sport", "science"];
    private static readonly string[] Reporters = ["Kim Ji-won", "Lee Min", "Park Soo", "Choi Yuna", "Jung Hoon", "Kang Eun", "Jo Sora", "Yoon Tae"];

    private readonly Random _random = new(seed);
    private readonly double[] _englishWeights = ZipfCumulative(words.English.Count);

    public async IAsyncEnumerable<SearchDocument> Stories(int count, int idOffset = 0)
    {
        for (var i = 0; i < count; i++)
        {
            var language = (i + idOffset) % 2 == 0 ? Language.Korean : Language.English;
            yield return new SearchDocument
            {
                Id = NextId(),
                Language = language,
                Headline = Words(language, 6),
                Subheadlines = _random.Next(2) == 0 ? [Words(language, 9)] : [],
                Body = Body(language),
                Speakers = [Words(language, 2), Words(language, 2)],
                Tags = [Words(language, 1), Words(language, 1), Words(language, 1)],
                Bylines = [Reporters[_random.Next(Reporters.Length)]],
                SectionSlug = Sections[_random.Next(Sections.Length)],
                PublishedAt = Latest.AddMinutes(-_random.Next(0, 2 * 365 * 24 * 60)),
                IsPublished = _random.Next(20) != 0,
            };

            if (i % 10_000 == 9_999)
            {
                await Task.Yield();
            }
        }
    }

    public IReadOnlyList<string> KoreanQueries(int count, int wordsPerQuery) =>
        [.. Enumerable.Range(0, count).Select(_ => Words(Language.Korean, wordsPerQuery))];

    public IReadOnlyList<string> EnglishQueries(int count, int wordsPerQuery) =>
        [.. Enumerable.Range(0, count).Select(_ => Words(Language.English, wordsPerQuery))];

    private string Body(Language language)
    {
        var body = new StringBuilder();
        for (var sentence = 0; sentence < 10; sentence++)
        {
            if (sentence > 0)
            {
                body.Append(sentence % 4 == 0 ? "\n\n" : " ");
            }

            body.Append(Words(language, 12)).Append('.');
        }

        return body.ToString();
    }

    private string Words(Language language, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(language == Language.Korean
                ? words.Korean[_random.Next(words.Korean.Count)]
                : words.English[Pick(_englishWeights)]);
        }

        return text.ToString();
    }

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : ~index;
    }

    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    // Word frequencies in text fall off roughly as 1/rank; a uniform pick would make every word match a third of the stories.
    private static double[] ZipfCumulative(int count)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }

        return cumulative;
    }
}
