using System.Text.RegularExpressions;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// Sign-off lines ("YTN 홍길동입니다.", "It's YTN YouTube.") and the reporter names a page gives in its anchor
/// intro ("홍길동 기자가 보도합니다.") and Korean sign-off. English pages are machine translations that turn names
/// into words ("It's YTN YouTube."), so an English sign-off is never read as a name.
/// </summary>
internal static partial class PageBylines
{
    private const int MaxSignOffLength = 60;

    private static readonly string[] KoreanReporterWords = ["기자", "특파원"];

    // Only a line that hands over to the reporter names one: "취재 기자들이 현장에 있습니다." does not.
    private static readonly HashSet<string> KoreanIntroReporterWords =
        ["기자가", "기자의", "기자", "기자를", "기자,", "특파원이", "특파원의", "특파원", "특파원을", "특파원,"];

    private static readonly string[] KoreanIntroEndings =
    [
        "보도합니다.", "보도입니다.", "전합니다.", "전해드립니다.", "취재했습니다.", "정리했습니다.", "기자입니다.", "특파원입니다.",
        "연결합니다.", "연결해 보겠습니다.", "연결하겠습니다.", "다녀왔습니다.", "리포트입니다.", "알아봤습니다.", "짚어봤습니다.",
        "만나봤습니다.", "전해주시죠.", "전해 주시죠.", "보도해드립니다.", "보도해 드립니다.",
    ];

    private static readonly string[] EnglishIntroEndings =
    [
        " reports.", " reports", " has the report.", " has the story.", " has more.", " is reporting.",
    ];

    private static readonly string[] EnglishNamePrefixes =
    [
        "YTN reporter ", "YTN correspondent ", "Our reporter ", "Reporter ", "Correspondent ", "YTN's ",
    ];

    private static readonly string[] EnglishSignOffStarts = ["It's YTN", "It’s YTN", "It is YTN", "This is YTN", "I'm YTN", "I’m YTN"];

    /// <summary>The label of the explicit byline line the writer puts under the time when the text alone would not give the bylines.</summary>
    public static string LineLabel(bool korean) => korean ? "기자 : " : "Reporter: ";

    public static bool IsSignOff(string line)
    {
        if (line.Length > MaxSignOffLength)
        {
            return false;
        }

        var s = line.AsSpan();
        if (s.StartsWith("지금까지 ", StringComparison.Ordinal))
        {
            s = s[5..];
        }

        if (s.StartsWith("YTN", StringComparison.Ordinal)
            && (s.EndsWith("입니다", StringComparison.Ordinal) || s.EndsWith("입니다.", StringComparison.Ordinal)))
        {
            return true;
        }

        if (s.StartsWith("YTN", StringComparison.Ordinal)
            && (s.TrimEnd('.').EndsWith("였습니다", StringComparison.Ordinal) || s.TrimEnd('.').EndsWith("었습니다", StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var start in EnglishSignOffStarts)
        {
            if (s.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return EnglishNamedSignOff().IsMatch(line);
    }

    /// <summary>Reads "기자 : 홍길동, 김영희" or "Reporter: Hong Gil-dong"; null when the line is not one.</summary>
    public static List<string>? TryReadLine(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || line.Length > 120)
        {
            return null;
        }

        var label = line.AsSpan(0, colon).Trim();
        if (label is not ("기자" or "Reporter" or "Reporters"))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var name in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>The bylines a reader derives from the text: names in anchor intros first, then the Korean sign-off's.</summary>
    public static List<string> Derive(IReadOnlyList<ScriptSegment> segments, string? signOff)
    {
        var names = new List<string>();
        foreach (var segment in segments)
        {
            if (segment.Kind == SegmentKind.Anchor)
            {
                // Usually the lead's last line; a two-part package hands over in the middle too. Intros are short and
                // end in set phrases, so a longer paragraph or one without such an ending names no one.
                foreach (var paragraph in segment.Paragraphs)
                {
                    FromIntro(paragraph, names);
                }
            }
        }

        if (signOff is not null)
        {
            AddOnce(names, FromKoreanSignOff(signOff) ?? FromEnglishSignOff(signOff));
        }

        return names;
    }

    private static void FromIntro(string paragraph, List<string> names)
    {
        if (paragraph.Length is 0 or > 80)
        {
            return;
        }

        if (SpeakerWords.ContainsHangul(paragraph))
        {
            FromKoreanIntro(paragraph, names);
        }
        else
        {
            AddOnce(names, FromEnglishIntro(paragraph));
        }
    }

    // "사회부 홍길동 기자가 보도합니다." / "홍길동·김영희 기자의 보도입니다." / "워싱턴 홍길동 특파원이 전합니다."
    private static void FromKoreanIntro(string paragraph, List<string> names)
    {
        var words = paragraph.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !EndsWithAny(paragraph.EndsWith('.') ? paragraph : paragraph + ".", KoreanIntroEndings))
        {
            return;
        }

        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            if (!KoreanIntroReporterWords.Contains(word) && !(i == words.Length - 1 && EndsWithAny(word + ".", ["기자입니다.", "특파원입니다."])))
            {
                continue;
            }

            var first = i - 1;
            while (first > 0 && words[first - 1].EndsWith(','))
            {
                first--;
            }

            foreach (var name in string.Join(' ', words, first, i - first).Split([',', '·'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (IsKoreanName(name))
                {
                    AddOnce(names, name);
                }
            }

            return;
        }
    }

    private static bool EndsWithAny(string text, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (text.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithReporterWord(string word)
    {
        foreach (var reporterWord in KoreanReporterWords)
        {
            if (word.StartsWith(reporterWord, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "Reporter Hong Gil-dong reports." / "Kim Min-ji has the report."; "I'm a YouTube reporter on the report." names no one.
    private static string? FromEnglishIntro(string paragraph)
    {
        // Hand-overs: "Here's Daniel Cho.", "We go to Daniel Cho in Busan.", "Our correspondent Mina Park has more from Tokyo."
        foreach (var pattern in new[] { EnglishHandOverBefore(), EnglishHandOverAfter() })
        {
            if (pattern.Match(paragraph) is { Success: true } match && IsEnglishName(match.Groups["name"].Value))
            {
                return match.Groups["name"].Value;
            }
        }

        foreach (var ending in EnglishIntroEndings)
        {
            if (!paragraph.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var name = paragraph[..^ending.Length].Trim();
            foreach (var prefix in EnglishNamePrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[prefix.Length..].Trim();
                    break;
                }
            }

            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 4 || words[0] is "I" or "I'm" or "We" or "Our" or "He" or "She" or "They")
            {
                return null;
            }

            foreach (var word in words)
            {
                if (!char.IsUpper(word[0]))
                {
                    return null;
                }
            }

            return string.Join(' ', words);
        }

        return null;
    }

    // "YTN 홍길동입니다." / "YTN news 홍길동입니다" / "YTN 홍길동[hong@ytn.co.kr]입니다" / "YTN 홍길동 기자입니다."
    private static string? FromKoreanSignOff(string signOff)
    {
        var s = signOff.Trim();
        if (s.StartsWith("지금까지 ", StringComparison.Ordinal))
        {
            s = s[5..];
        }

        if (!s.StartsWith("YTN", StringComparison.Ordinal))
        {
            return null;
        }

        s = s[3..].TrimEnd('.');
        if (s.EndsWith("이었습니다", StringComparison.Ordinal))
        {
            s = s[..^5];
        }
        else if (s.EndsWith("였습니다", StringComparison.Ordinal) || s.EndsWith("입니다", StringComparison.Ordinal))
        {
            s = s[..^(s.EndsWith("였습니다", StringComparison.Ordinal) ? 4 : 3)];
        }
        else
        {
            return null;
        }

        var bracket = s.IndexOfAny(['[', '(']);
        if (bracket >= 0)
        {
            s = s[..bracket];
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length - 1;
        if (last >= 0 && StartsWithReporterWord(words[last]))
        {
            last--;
        }

        return last >= 0 && IsKoreanName(words[last]) ? words[last] : null;
    }

    // "This is Daniel Cho for YTN." / "Daniel Cho, YTN News." / "I'm Daniel Cho, YTN News, Busan." / "It's YTN's Daniel Cho."
    private static string? FromEnglishSignOff(string signOff) =>
        EnglishNamedSignOff().Match(signOff) is { Success: true } match && IsEnglishName(match.Groups["name"].Value)
            ? match.Groups["name"].Value
            : null;

    /// <summary>
    /// Two to four capitalised words, none of them the channel's or a machine translation's stand-in for a name
    /// ("It's YTN YouTube." translates a name as "YouTube").
    /// </summary>
    private static bool IsEnglishName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
            && words.All(w => char.IsUpper(w[0]) && w is not ("YTN" or "YouTube" or "News" or "The" or "Reporter" or "Correspondent" or "Anchor"));
    }

    private const string EnglishNamePattern = @"(?<name>[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){1,3})";

    [GeneratedRegex(@"^(?:Here's|Here’s|Here is|Over to|We go to|Let's go to|Let’s go to|Let's turn to|We turn to|Now to|Joining us (?:now )?is|We're joined by)\s+(?:(?:YTN|our|YTN's)\s+)?(?:(?:reporter|correspondent)\s+)?"
        + EnglishNamePattern + @"(?=[\s,.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishHandOverBefore();

    [GeneratedRegex(@"^(?:(?:YTN|Our|YTN's)\s+)?(?:(?:reporter|correspondent|Reporter|Correspondent)\s+)?" + EnglishNamePattern
        + @"\s+(?:reports|is reporting|has (?:the|more|this|that|details)|explains|looks (?:into|at)|went|takes (?:a|us)|brings|joins us|tells us)\b[^.]*\.?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex EnglishHandOverAfter();

    [GeneratedRegex(@"^(?:(?:This is|I'm|I’m|I am)\s+)?" + EnglishNamePattern
        + @"(?:,\s*YTN(?: News)?(?:,\s*[A-Z][\p{L} ]+)?|\s+for YTN(?: News)?(?:,?\s+in\s+[A-Z][\p{L} ]+)?)\.?$"
        + @"|^(?:It's|It’s|This is)\s+YTN's\s+" + EnglishNamePattern + @"\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishNamedSignOff();

    private static bool IsKoreanName(string name)
    {
        if (name.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is < '\uAC00' or > '\uD7A3')
            {
                return false;
            }
        }

        return true;
    }

    private static void AddOnce(List<string> names, string? name)
    {
        if (name is not null && !names.Contains(name))
        {
            names.Add(name);
        }
    }
}
