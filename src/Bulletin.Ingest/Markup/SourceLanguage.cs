using System.Globalization;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest.Markup;

/// <summary>
/// The edition a source's story belongs in. Bulletin publishes Korean and English: a story the source marks as
/// Korean, or whose text is mostly Hangul, is Korean; anything else goes to the English edition, with a warning when
/// the source says it is in a third language, so that an editor sees it before it is published.
/// </summary>
public static class SourceLanguage
{
    public static Language Of(string? code, string text, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var tag = code?.Trim();
        if (!string.IsNullOrEmpty(tag))
        {
            var primary = tag.Split('-', '_')[0].ToLowerInvariant();
            switch (primary)
            {
                case "ko" or "kor":
                    return Language.Korean;
                case "en" or "eng":
                    return Language.English;
                default:
                    warnings.Add($"The source gives the language as '{tag}' ({NameOf(primary)}); Bulletin publishes Korean and English, so the story is kept in the English edition.");
                    return Language.English;
            }
        }

        return LooksKorean(text) ? Language.Korean : Language.English;
    }

    /// <summary>More Hangul syllables than Latin letters.</summary>
    public static bool LooksKorean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int hangul = 0, latin = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4000)))
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                hangul++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return hangul > latin;
    }

    private static string NameOf(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return "a language Bulletin does not know";
        }
    }
}
