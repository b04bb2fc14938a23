using Bulletin.Core.Stories;
using Bulletin.Core.Timing;

namespace Bulletin.Core.Tests;

public sealed class ReadTimeTests
{
    private static readonly ReadTimeOptions Defaults = new();

    [Fact]
    public void Korean_IsTimedBySyllables()
    {
        // 350 syllables at 350 a minute: one minute.
        var text = string.Concat(Enumerable.Repeat("북한군 파병", 70));
        Assert.Equal(350, ReadTime.CountSyllables(text));
        Assert.Equal(TimeSpan.FromMinutes(1), ReadTime.Of(text, Language.Korean, Defaults));
    }

    [Fact]
    public void Korean_CountsDigitsAndPairsOfLatinLetters()
    {
        // YTN: 2, 2024: 4, 년: 1, 뉴스입니다: 5.
        Assert.Equal(12, ReadTime.CountSyllables("YTN 2024년 뉴스입니다"));
    }

    [Fact]
    public void English_IsTimedByWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("North Korea's troops", 40)); // 120 words
        Assert.Equal(120, ReadTime.CountWords(text));
        Assert.Equal(TimeSpan.FromSeconds(45), ReadTime.Of(text, Language.English, Defaults));
    }

    [Fact]
    public void Speeds_AreConfigurable()
    {
        var slow = new ReadTimeOptions { EnglishWordsPerMinute = 60 };
        Assert.Equal(TimeSpan.FromSeconds(3), ReadTime.Of("three spoken words", Language.English, slow));
    }

    [Fact]
    public void Story_AddsSegmentsAndSignOff()
    {
        var story = new StoryContent
        {
            Headline = "h",
            Language = Language.English,
            Segments = [new(SegmentKind.Anchor, "one two three four"), new(SegmentKind.Reporter, "five six seven eight")],
            SignOff = "It's YTN YouTube.",
        };
        var options = new ReadTimeOptions { EnglishWordsPerMinute = 60 };
        Assert.Equal(TimeSpan.FromSeconds(11), ReadTime.Of(story, options));
    }
}
