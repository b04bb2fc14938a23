namespace Bulletin.Broadcast.Rundowns;

/// <summary>
/// One presenter of the newsroom's roster and how fast they read on air, from the configuration's Presenters list
/// (Presenters:0:Name, Presenters:0:KoreanSyllablesPerMinute, Presenters:0:EnglishWordsPerMinute). A rate left out is
/// the newsroom's usual one (ReadTime).
/// </summary>
public sealed class PresenterOptions
{
    public const string SectionName = "Presenters";

    public string Name { get; set; } = "";
    public double? KoreanSyllablesPerMinute { get; set; }
    public double? EnglishWordsPerMinute { get; set; }
}
