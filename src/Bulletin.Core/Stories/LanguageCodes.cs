namespace Bulletin.Core.Stories;

/// <summary>ISO 639-1 codes, as they appear in URLs, feeds, JSON and HTML.</summary>
public static class LanguageCodes
{
    public static string ToCode(this Language language) => language switch
    {
        Language.Korean => "ko",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
    };

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "ko" or "ko-kr" or "kor":
                language = Language.Korean;
                return true;
            case "en" or "en-us" or "en-gb" or "eng":
                language = Language.English;
                return true;
            default:
                language = default;
                return false;
        }
    }

    public static Language Parse(string code) =>
        TryParse(code, out var language)
            ? language
            : throw new FormatException($"'{code}' is not a language Bulletin publishes in (use 'ko' or 'en').");
}
