using Bulletin.Core.Stories;

namespace Bulletin.Core.Timing;

/// <summary>How long a piece of script takes to read aloud.</summary>
public static class ReadTime
{
    public static TimeSpan Of(string text, Language language, ReadTimeOptions options) => language switch
    {
        Language.Korean => TimeSpan.FromMinutes(CountSyllables(text) / options.KoreanSyllablesPerMinute),
        _ => TimeSpan.FromMinutes(CountWords(text) / options.EnglishWordsPerMinute),
    };

    /// <summary>A photo between segments takes no air time: its caption is shown, not read.</summary>
    public static TimeSpan Of(ScriptSegment segment, Language language, ReadTimeOptions options) =>
        segment?.Kind == SegmentKind.Photo ? TimeSpan.Zero : Of(segment!.Text, language, options);

    /// <summary>The whole story as read on air: every segment, then the sign-off.</summary>
    public static TimeSpan Of(StoryContent story, ReadTimeOptions options)
    {
        var total = TimeSpan.Zero;
        foreach (var segment in story.Segments)
        {
            total += Of(segment, story.Language, options);
        }

        return story.SignOff is { } signOff ? total + Of(signOff, story.Language, options) : total;
    }

    /// <summary>
    /// Spoken syllables of Korean copy: each Hangul syllable block, each digit (2024 is read as five or so),
    /// and a run of Latin letters as one syllable for every two letters (YTN, AI, news).
    /// </summary>
    public static int CountSyllables(string text)
    {
        var count = 0;
        var latinRun = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                latinRun++;
                continue;
            }

            count += (latinRun + 1) / 2;
            latinRun = 0;
            if (c is >= '\uAC00' and <= '\uD7A3' || char.IsDigit(c))
            {
                count++;
            }
        }

        return count + (latinRun + 1) / 2;
    }

    /// <summary>Words of English copy: runs of letters or digits, with inner apostrophes and hyphens kept.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var joins = (c is '\'' or '’' or '-') && inWord && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joins)
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }
}
