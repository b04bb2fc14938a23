using System.Text.Json;
using Bulletin.Core.Stories;
using Bulletin.Ingest.BroadcastPages;

namespace Bulletin.Import.Benchmark;

/// <summary>
/// Makes broadcast pages of the usual size and shape: anchor lead, reporter package, soundbites, sign-off, tags.
/// Korean text comes from the KLUE news sentences in ../shared/samples when present, else from made-up syllables.
/// </summary>
internal sealed class PageGenerator(int seed, IReadOnlyList<string> koreanSentences)
{
    private static readonly string[] EnglishWords =
    [
        "the", "government", "said", "on", "Tuesday", "it", "would", "expand", "support", "for", "small", "businesses",
        "after", "a", "sharp", "rise", "in", "prices", "officials", "warned", "that", "storm", "could", "reach", "coast",
        "by", "weekend", "while", "residents", "were", "told", "to", "prepare", "for", "heavy", "rain", "and", "strong",
        "winds", "across", "region", "police", "opened", "an", "investigation", "into", "fire", "which", "broke", "out",
        "early", "morning", "market", "shares", "closed", "higher", "as", "investors", "welcomed", "new", "data",
    ];

    private readonly Random _random = new(seed);

    public static IReadOnlyList<string> LoadKoreanSentences()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "..", "shared", "samples", "news-text", "korean-klue", "klue_news_sentences_dev.jsonl");
            if (File.Exists(Path.Combine(dir.FullName, "Bulletin.slnx")) && File.Exists(path))
            {
                return [.. File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)];
            }
        }

        return [];
    }

    public string Page(int index)
    {
        var korean = index % 2 == 0;
        var at = new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.FromHours(9)).AddMinutes(index * 7);
        var reporter = korean ? "기자" + index % 50 : "Reporter";
        var story = new StoryContent
        {
            Headline = (korean ? Korean(1) : English(9)) + $" {index}",
            Subheadlines = korean ? [Korean(1)] : [],
            Language = korean ? Language.Korean : Language.English,
            Tags = korean ? ["속보", "사회"] : ["news"],
            Segments =
            [
                new(SegmentKind.Anchor, Paragraphs(korean, 2)),
                new(SegmentKind.Reporter, Paragraphs(korean, 5)),
                new(SegmentKind.Soundbite, korean ? Korean(1) : English(14), korean ? "홍길동" : "Jane Doe", korean ? "시민" : "a resident"),
                new(SegmentKind.Reporter, Paragraphs(korean, 3)),
            ],
            SignOff = korean ? $"YTN {reporter}입니다." : "It's YTN news.",
            PublishedAt = at,
        };
        return BroadcastPageWriter.Write(story);
    }

    private string Paragraphs(bool korean, int count) =>
        string.Join("\n\n", Enumerable.Range(0, count).Select(_ => korean ? Korean(1) : English(20) + "."));

    private string Korean(int sentences)
    {
        if (koreanSentences.Count == 0)
        {
            return string.Join(' ', Enumerable.Range(0, 12).Select(_ =>
                new string([.. Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => (char)_random.Next(0xAC00, 0xD7A3))])));
        }

        return string.Join(' ', Enumerable.Range(0, sentences).Select(_ => koreanSentences[_random.Next(koreanSentences.Count)].Trim()));
    }

    private string English(int words)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => EnglishWords[_random.Next(EnglishWords.Length)]));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
