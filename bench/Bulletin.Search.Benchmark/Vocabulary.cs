using System.Text.Json;

namespace Bulletin.Search.Benchmark;

/// <summary>Words to build stories and queries from: real Korean news words where the samples exist.</summary>
internal sealed record Vocabulary(IReadOnlyList<string> Korean, IReadOnlyList<string> English)
{
    private static readonly string[] EnglishWords =
    [
        "government", "minister", "president", "election", "budget", "economy", "market", "shares", "bank", "rates",
        "inflation", "prices", "workers", "strike", "union", "police", "court", "judge", "trial", "prosecutors",
        "army", "troops", "border", "missile", "launch", "talks", "summit", "treaty", "sanctions", "embassy",
        "hospital", "doctors", "patients", "vaccine", "school", "students", "teachers", "exam", "university", "research",
        "weather", "typhoon", "flood", "rain", "storm", "heat", "snow", "wildfire", "earthquake", "drought",
        "company", "profit", "loss", "exports", "imports", "trade", "factory", "chips", "cars", "ships",
        "port", "airport", "flights", "train", "railway", "subway", "traffic", "accident", "bridge", "road",
        "city", "council", "mayor", "residents", "housing", "rent", "apartment", "construction", "plan", "project",
        "team", "match", "season", "league", "coach", "players", "goal", "victory", "defeat", "final",
        "film", "music", "festival", "concert", "drama", "actor", "singer", "award", "audience", "stage",
        "report", "survey", "data", "figures", "study", "scientists", "space", "satellite", "energy", "power",
        "nuclear", "solar", "wind", "gas", "oil", "coal", "climate", "emissions", "forest", "river",
        "farmers", "rice", "harvest", "fishing", "food", "water", "security", "cyber", "hackers", "network",
        "deployed", "announced", "approved", "rejected", "increased", "decreased", "warned", "agreed", "signed", "visited",
        "investigation", "arrested", "charged", "sentenced", "released", "protest", "rally", "crowd", "vote", "parliament",
        "opposition", "party", "leader", "spokesman", "official", "agency", "ministry", "committee", "policy", "reform",
        "tax", "spending", "debt", "loans", "investors", "growth", "recession", "jobs", "unemployment", "wages",
        "children", "families", "elderly", "pension", "welfare", "health", "insurance", "safety", "fire", "rescue",
        "north", "south", "korea", "japan", "china", "russia", "europe", "america", "united", "nations",
        "morning", "evening", "yesterday", "tomorrow", "week", "month", "year", "record", "highest", "lowest",
        "technology", "software", "robots", "artificial", "intelligence", "smartphone", "internet", "platform", "startup", "founder",
        "museum", "heritage", "tourists", "travel", "hotel", "restaurant", "market", "shoppers", "sales", "discount",
    ];

    public static Vocabulary Load(out string koreanSource)
    {
        var samples = Folders.Samples();
        var klue = samples is null ? null : Path.Combine(samples, "news-text", "korean-klue", "klue_news_sentences_dev.jsonl");
        if (klue is not null && File.Exists(klue))
        {
            var korean = File.ReadLines(klue)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "")
                .SelectMany(sentence => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(token => new string([.. token.Where(IsHangul)]))
                .Where(token => token.Length >= 2)
                .ToList();
            koreanSource = $"the KLUE news sentences ({korean.Count:N0} words)";
            return new Vocabulary(korean, EnglishWithTail());
        }

        koreanSource = "generated syllables (samples not found)";
        return new Vocabulary(GeneratedKorean(), EnglishWithTail());
    }

    /// <summary>
    /// The real words as the most frequent ones, then a long tail of made-up words. With the real words alone every
    /// word would be in a third of all stories, which no news archive looks like; the tail gives English about as
    /// many distinct words as the Korean sentences have.
    /// </summary>
    private static List<string> EnglishWithTail()
    {
        string[] onsets = ["b", "br", "c", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "w"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
        string[] codas = ["", "n", "r", "l", "s", "t", "nd", "st", "m"];
        var random = new Random(13);
        var words = new List<string>(EnglishWords);
        var known = new HashSet<string>(EnglishWords, StringComparer.Ordinal);
        while (words.Count < 20_000)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ =>
                onsets[random.Next(onsets.Length)] + vowels[random.Next(vowels.Length)] + codas[random.Next(codas.Length)]));
            if (known.Add(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static List<string> GeneratedKorean()
    {
        var random = new Random(11);
        var words = new List<string>();
        for (var i = 0; i < 5_000; i++)
        {
            var length = random.Next(2, 5);
            words.Add(new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0xAC00, 0xAC00 + 600))]));
        }

        return words;
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
