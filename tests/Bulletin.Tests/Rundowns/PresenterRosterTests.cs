using Bulletin.Broadcast.Rundowns;
using Bulletin.Core.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bulletin.Tests.Rundowns;

/// <summary>The roster of presenters as the configuration gives it, read once as the node starts.</summary>
public sealed class PresenterRosterTests
{
    private static readonly ReadTimeOptions Usual = new() { KoreanSyllablesPerMinute = 350, EnglishWordsPerMinute = 160 };

    private static PresenterRoster Roster(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), Usual);

    [Fact]
    public void APresenter_ReadsAtTheirRates_AndARateLeftOutIsTheUsualOne()
    {
        var roster = Roster(("Presenters:0:Name", " 김민지 "), ("Presenters:0:KoreanSyllablesPerMinute", "300"), ("Presenters:1:Name", "John Park"),
            ("Presenters:1:EnglishWordsPerMinute", "180"));

        Assert.Equal(["김민지", "John Park"], roster.All.Select(p => p.Name));
        Assert.Equal(new ReadTimeOptions { KoreanSyllablesPerMinute = 300, EnglishWordsPerMinute = 160 }, roster.Find("김민지")!.ReadRate);
        Assert.Equal(new ReadTimeOptions { KoreanSyllablesPerMinute = 350, EnglishWordsPerMinute = 180 }, roster.Find("John Park")!.ReadRate);
        Assert.Null(roster.Find("홍길동"));
        Assert.Empty(Roster().All);
    }

    [Fact]
    public void ARosterThatWillNotDo_StopsTheNode_SayingWhy()
    {
        var nameless = Assert.Throws<OptionsValidationException>(() => Roster(("Presenters:0:KoreanSyllablesPerMinute", "300")));
        Assert.Contains("Name", nameless.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => Roster(("Presenters:0:Name", "김민지"), ("Presenters:0:KoreanSyllablesPerMinute", "0")));
        var twice = Assert.Throws<OptionsValidationException>(() => Roster(("Presenters:0:Name", "김민지"), ("Presenters:1:Name", "김민지")));
        Assert.Contains("twice", twice.Message, StringComparison.Ordinal);
    }
}
