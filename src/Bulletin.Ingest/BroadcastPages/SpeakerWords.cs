using System.Collections.Frozen;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>Word lists that tell a name from a title, and a when-said note from other parentheses ("(KDI)").</summary>
internal static class SpeakerWords
{
    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
        "chair", "director", "professor", "governor", "senator", "mayor", "ambassador", "leader", "representative",
        "lawmaker", "ceo", "chief", "commander", "general", "official", "researcher", "analyst", "reporter",
        "correspondent", "envoy", "member", "citizen", "resident", "attorney", "lawyer", "judge", "prosecutor",
        "chancellor", "premier", "candidate", "nominee", "adviser", "advisor", "expert", "economist", "diplomat",
        "head", "manager", "officer", "forecaster", "student", "teacher", "doctor", "fellow", "executive",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] KoreanWhenWords =
    [
        "어제", "오늘", "그제", "그저께", "지난", "현지시간", "당시", "작년", "올해", "지난해", "최근", "오전", "오후",
    ];

    private static readonly string[] EnglishWhenWords =
    [
        "yesterday", "today", "tonight", "last", "ago", "earlier", "local time", "morning", "afternoon", "evening",
        "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ];

    public static bool LooksLikeWhen(string content)
    {
        if (content.Length == 0 || content.Length > 40)
        {
            return false;
        }

        foreach (var word in KoreanWhenWords)
        {
            if (content.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var word in EnglishWhenWords)
        {
            if (content.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "9일", "2024년 10월", "10.15", "2024": a number with a date unit, or a date written in figures.
        var digits = 0;
        var others = 0;
        foreach (var c in content)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '년' or '월' or '일' or '시' or '분')
            {
                if (digits > 0)
                {
                    return true;
                }
            }
            else if (c is not ('.' or '-' or '/' or ' '))
            {
                others++;
            }
        }

        return digits >= 2 && others == 0;
    }

    /// <summary>
    /// "Russian Kremlin spokesman Dmitry Peskov" → ("Dmitry Peskov", "Russian Kremlin spokesman"): the name is the
    /// words after the last title word, or else the trailing capitalised words. A part with no such split is all name.
    /// </summary>
    public static (string Speaker, string? Title) SplitTitleAndName(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || ContainsHangul(part))
        {
            return (part, null);
        }

        for (var i = words.Length - 2; i >= 0; i--)
        {
            if (TitleWords.Contains(words[i].TrimEnd(',', '.')))
            {
                return AllCapitalised(words, i + 1) ? Split(words, i + 1) : (part, null);
            }
        }

        var start = words.Length;
        while (start > 0 && IsCapitalised(words[start - 1]))
        {
            start--;
        }

        if (start == words.Length)
        {
            return (part, null);
        }

        if (start == 0)
        {
            return words.Length <= 3 ? (part, null) : Split(words, words.Length - 2);
        }

        return Split(words, start);
    }

    private static (string Speaker, string? Title) Split(string[] words, int nameStart) =>
        (string.Join(' ', words, nameStart, words.Length - nameStart), string.Join(' ', words, 0, nameStart).TrimEnd(','));

    private static bool AllCapitalised(string[] words, int from)
    {
        for (var i = from; i < words.Length; i++)
        {
            if (!IsCapitalised(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    public static bool ContainsHangul(string text)
    {
        foreach (var c in text)
        {
            if (IsHangul(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHangul(char c) => c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');
}
