using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;

namespace Bulletin.Core.Tests;

/// <summary>
/// A five-minute show timed by hand. At the default rates (350 Korean syllables, 160 English words a minute):
/// the Korean story reads 70 syllables (12 s) and signs off with 35 (6 s) around a 20 s soundbite: 38 s;
/// a 2:00 break; the English story reads 80 words (30 s) before a 1:30 package: 2:00; a 45 s live shot.
/// 38 + 120 + 120 + 45 = 323 s against 300 s to the hard out: 23 s over.
/// </summary>
public sealed class RundownTimingTests
{
    private static readonly Actor Producer = new(Guid.CreateVersion7(), "producer", [StaffRoles.Producer]);

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HardOut = Start.AddMinutes(5);

    private static readonly Guid KoreanStory = Guid.CreateVersion7();
    private static readonly Guid EnglishStory = Guid.CreateVersion7();

    private readonly Guid _korean = Guid.CreateVersion7();
    private readonly Guid _break = Guid.CreateVersion7();
    private readonly Guid _english = Guid.CreateVersion7();
    private readonly Guid _live = Guid.CreateVersion7();

    private static string Syllables(int fives) => string.Join(' ', Enumerable.Repeat("북한군 파병", fives));

    private static string Words(int fours) => string.Join(' ', Enumerable.Repeat("troops crossed the border", fours));

    private static StoryContent KoreanScript(int anchorFives) => new()
    {
        Headline = "북한군 파병",
        Language = Language.Korean,
        Segments =
        [
            new ScriptSegment(SegmentKind.Anchor, Syllables(anchorFives)),
            new ScriptSegment(SegmentKind.Soundbite, "녹취 내용", Speaker: "김철수", Duration: TimeSpan.FromSeconds(20)),
        ],
        SignOff = Syllables(7),
    };

    private static StoryContent EnglishScript() => new()
    {
        Headline = "Troops",
        Language = Language.English,
        Segments =
        [
            new ScriptSegment(SegmentKind.Anchor, Words(20)),
            new ScriptSegment(SegmentKind.Reporter, "The package's voice-over, which is recorded.", Duration: TimeSpan.FromSeconds(90)),
        ],
    };

    private Dictionary<Guid, StoryContent> _scripts = new()
    {
        [KoreanStory] = KoreanScript(14),
        [EnglishStory] = EnglishScript(),
    };

    private Rundown Show()
    {
        var rundown = Rundown.Create(Guid.CreateVersion7(), "저녁 뉴스", new DateOnly(2026, 12, 1), Language.Korean, Start, HardOut);
        Assert.True(rundown.AddBlock(Producer, Guid.CreateVersion7(), "Top", TimeSpan.FromMinutes(3)).Succeeded);
        Assert.True(rundown.AddStory(Producer, _korean, KoreanStory, "북한군 파병").Succeeded);
        Assert.True(rundown.AddLine(Producer, _break, RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2)).Succeeded);
        Assert.True(rundown.AddBlock(Producer, Guid.CreateVersion7(), "Second", TimeSpan.FromMinutes(2)).Succeeded);
        Assert.True(rundown.AddStory(Producer, _english, EnglishStory, "TROOPS").Succeeded);
        Assert.True(rundown.AddLine(Producer, _live, RundownItemKind.Live, "LIVE SEOUL", TimeSpan.FromSeconds(45)).Succeeded);
        return rundown;
    }

    private static DateTimeOffset At(int minutes, int seconds) => Start.AddMinutes(minutes).AddSeconds(seconds);

    [Fact]
    public void Timing_AsPlanned_MatchesTheFiguresWorkedByHand()
    {
        var timing = Show().Timing(_scripts);

        var korean = timing.Items[0];
        Assert.Equal(("A1", 18, 20, 38), (korean.Page, (int)korean.TextTime.TotalSeconds, (int)korean.MediaTime.TotalSeconds, (int)korean.Duration.TotalSeconds));
        var english = timing.Items[2];
        Assert.Equal(("B1", 30, 90, 120), (english.Page, (int)english.TextTime.TotalSeconds, (int)english.MediaTime.TotalSeconds, (int)english.Duration.TotalSeconds));

        Assert.Equal([At(0, 0), At(0, 38), At(2, 38), At(4, 38)], timing.Items.Select(i => i.FrontTime!.Value));
        Assert.Equal([Start.AddSeconds(-23), At(0, 15), At(2, 15), At(4, 15)], timing.Items.Select(i => i.BackTime!.Value));
        Assert.Equal([38, 158, 278, 323], timing.Items.Select(i => (int)i.Cume!.Value.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(323), timing.Total);
        Assert.Equal(TimeSpan.FromSeconds(23), timing.OverUnder);

        // Block A: 38 + 120 = 158 s against 3:00, 22 s under; block B: 165 s against 2:00, 45 s over.
        Assert.Equal([-22, 45], timing.Blocks.Select(b => (int)b.OverUnder.TotalSeconds));
    }

    [Fact]
    public void Timing_AfterAScriptEdit_MovesEveryLaterTime()
    {
        var rundown = Show();
        // The anchor's lead gains 35 syllables: 6 s more, so 44 s for the story and 29 s over.
        _scripts[KoreanStory] = KoreanScript(21);

        var timing = rundown.Timing(_scripts);

        Assert.Equal(TimeSpan.FromSeconds(24), timing.Items[0].TextTime);
        Assert.Equal([At(0, 0), At(0, 44), At(2, 44), At(4, 44)], timing.Items.Select(i => i.FrontTime!.Value));
        Assert.Equal(Start.AddSeconds(-29), timing.Items[0].BackTime);
        Assert.Equal(At(0, 15), timing.Items[1].BackTime);
        Assert.Equal(TimeSpan.FromSeconds(29), timing.OverUnder);
    }

    [Fact]
    public void Timing_AfterAMove_ReordersFrontAndBackTimes()
    {
        var rundown = Show();
        // The live shot moves up to second place: before the break, into block A.
        Assert.True(rundown.MoveItem(Producer, _live, 1).Succeeded);

        var timing = rundown.Timing(_scripts);

        Assert.Equal([_korean, _live, _break, _english], timing.Items.Select(i => i.ItemId));
        Assert.Equal([At(0, 0), At(0, 38), At(1, 23), At(3, 23)], timing.Items.Select(i => i.FrontTime!.Value));
        Assert.Equal([Start.AddSeconds(-23), At(0, 15), At(1, 0), At(3, 0)], timing.Items.Select(i => i.BackTime!.Value));
        Assert.Equal(TimeSpan.FromSeconds(23), timing.OverUnder);
        // The page number stays with the item until the producer renumbers.
        Assert.Equal("B2", timing.Items[1].Page);
        Assert.True(rundown.Renumber(Producer).Succeeded);
        Assert.Equal(["A1", "A2", "A3", "B1"], rundown.Items.Select(i => i.Page));
        Assert.Equal([203, 120], rundown.Timing(_scripts).Blocks.Select(b => (int)b.Total.TotalSeconds));
    }

    [Fact]
    public void Timing_WithAFloatedBreak_LeavesItOut()
    {
        var rundown = Show();
        Assert.True(rundown.FloatItem(Producer, _break).Succeeded);

        var timing = rundown.Timing(_scripts);

        var floated = timing.Items[1];
        Assert.True(floated.Floated);
        Assert.Null(floated.FrontTime);
        Assert.Null(floated.BackTime);
        // 38 + 120 + 45 = 203 s: 97 s under.
        Assert.Equal(TimeSpan.FromSeconds(-97), timing.OverUnder);
        Assert.Equal([At(0, 0), At(0, 38), At(2, 38)], timing.Items.Where(i => !i.Floated).Select(i => i.FrontTime!.Value));
        Assert.Equal([At(1, 37), At(2, 15), At(4, 15)], timing.Items.Where(i => !i.Floated).Select(i => i.BackTime!.Value));

        Assert.True(rundown.UnfloatItem(Producer, _break).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(23), rundown.Timing(_scripts).OverUnder);
    }

    [Fact]
    public void Timing_WithTheProducersDuration_OverridesTextAndMedia()
    {
        var rundown = Show();
        Assert.True(rundown.SetDuration(Producer, _english, TimeSpan.FromSeconds(100)).Succeeded);

        var timing = rundown.Timing(_scripts);

        Assert.Equal(TimeSpan.FromSeconds(30), timing.Items[2].TextTime);
        Assert.Equal(TimeSpan.FromSeconds(100), timing.Items[2].Duration);
        Assert.Equal(TimeSpan.FromSeconds(3), timing.OverUnder);
    }

    [Fact]
    public void Timing_AtThePresentersRate_UsesItForThatItem()
    {
        var rundown = Show();
        // A slower presenter: 175 syllables a minute doubles the 18 s of text to 36 s.
        Assert.True(rundown.SetReadRate(Producer, _korean, new() { KoreanSyllablesPerMinute = 175 }).Succeeded);

        Assert.Equal(TimeSpan.FromSeconds(36), rundown.Timing(_scripts).Items[0].TextTime);
        Assert.Equal(TimeSpan.FromSeconds(41), rundown.Timing(_scripts).OverUnder);
    }

    [Fact]
    public void Timing_OfAShortLine_RoundsToTheNearestSecond()
    {
        var rundown = Rundown.Create(Guid.CreateVersion7(), "Late", new DateOnly(2026, 12, 1), Language.English, Start, HardOut);
        var story = Guid.CreateVersion7();
        rundown.AddStory(Producer, Guid.CreateVersion7(), story, "SHORT");
        // Two words at 160 a minute: 0.75 s, read as 1 s; one word (0.375 s) would be 0 s.
        var scripts = new Dictionary<Guid, StoryContent>
        {
            [story] = new StoryContent { Headline = "x", Language = Language.English, Segments = [new(SegmentKind.Anchor, "Good evening.")] },
        };

        Assert.Equal(TimeSpan.FromSeconds(1), rundown.Timing(scripts).Items[0].TextTime);
        Assert.Equal(TimeSpan.FromSeconds(-299), rundown.Timing(scripts).OverUnder);
    }

    [Fact]
    public void Timing_OnAir_CountsElapsedTimeForWhatHasAired()
    {
        var rundown = Show();
        Assert.True(rundown.Activate(Producer).Succeeded);
        Assert.Equal(_korean, rundown.NextItemId);

        // Five seconds late on air; the Korean story runs 45 s instead of 38 s.
        Assert.True(rundown.Take(Producer, At(0, 5)).Succeeded);
        Assert.True(rundown.Take(Producer, At(0, 50)).Succeeded);
        Assert.Equal(_break, rundown.OnAirItemId);
        Assert.Equal(_english, rundown.NextItemId);

        // Ten seconds into the break: its 2:00 estimate stands. 0:50 + 120 + 120 + 45 = 5:35, 35 s over.
        var timing = rundown.Timing(_scripts, At(1, 0));
        Assert.True(timing.Items[0].Aired);
        Assert.Equal(TimeSpan.FromSeconds(45), timing.Items[0].Duration);
        Assert.True(timing.Items[1].OnAir);
        Assert.Equal([At(0, 5), At(0, 50), At(2, 50), At(4, 50)], timing.Items.Select(i => i.FrontTime!.Value));
        Assert.Equal(TimeSpan.FromSeconds(35), timing.OverUnder);

        // The break runs long: at 3:00 it has run 2:10, which replaces its estimate; over/under keeps counting.
        Assert.Equal(TimeSpan.FromSeconds(45), rundown.Timing(_scripts, At(3, 0)).OverUnder);

        Assert.True(rundown.Finish(Producer, At(3, 30)).Succeeded);
        Assert.Equal(RundownStatus.Done, rundown.Status);
        Assert.Equal(TimeSpan.FromSeconds(160), rundown.Find(_break)!.AiredDuration);
    }

    [Fact]
    public void Take_SkipsFloatedItems()
    {
        var rundown = Show();
        rundown.FloatItem(Producer, _break);
        rundown.Activate(Producer);
        rundown.Take(Producer, At(0, 0));

        Assert.Equal(_english, rundown.NextItemId);
    }
}
