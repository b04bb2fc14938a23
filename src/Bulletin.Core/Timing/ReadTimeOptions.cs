namespace Bulletin.Core.Timing;

/// <summary>
/// Reading speeds for on-air copy. Korean is timed by syllables, English by words;
/// the defaults are the usual pace of a news anchor. Bound once from the ReadTime section of the configuration
/// (ReadTime:KoreanSyllablesPerMinute, ReadTime:EnglishWordsPerMinute) and validated at start-up.
/// </summary>
public sealed record ReadTimeOptions
{
    public const string SectionName = "ReadTime";

    public double KoreanSyllablesPerMinute { get; init; } = 350;
    public double EnglishWordsPerMinute { get; init; } = 160;
}
