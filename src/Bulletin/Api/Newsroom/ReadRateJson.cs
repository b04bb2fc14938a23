using System.Text.Json.Serialization;
using Bulletin.Core.Timing;

namespace Bulletin.Api.Newsroom;

/// <summary>A read rate: Korean syllables and English words a minute. A half left out keeps what it was.</summary>
public sealed record ReadRateJson(
    [property: JsonPropertyName("koreanSyllablesPerMinute")] double? KoreanSyllablesPerMinute,
    [property: JsonPropertyName("englishWordsPerMinute")] double? EnglishWordsPerMinute)
{
    public static ReadRateJson? From(ReadTimeOptions? rate) =>
        rate is null ? null : new ReadRateJson(rate.KoreanSyllablesPerMinute, rate.EnglishWordsPerMinute);

    public ReadTimeOptions Over(ReadTimeOptions basis) => new()
    {
        KoreanSyllablesPerMinute = KoreanSyllablesPerMinute ?? basis.KoreanSyllablesPerMinute,
        EnglishWordsPerMinute = EnglishWordsPerMinute ?? basis.EnglishWordsPerMinute,
    };
}
