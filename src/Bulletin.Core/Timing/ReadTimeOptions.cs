namespace Bulletin.Core.Timing;

/// <summary>
/// Reading speeds for on-air copy. Korean is timed by syllables, English by words;
/// the defaults are the usual pace of a news anchor.
/// </summary>
public sealed record ReadTimeOptions
{
    public double KoreanSyllablesPerMinute { get; init; } = 350;
    public double EnglishWordsPerMinute { get; init; } = 160;
}
