using Bulletin.Broadcast.Mos;

namespace Bulletin.Tests.Mos;

public sealed class MosRunningOrderChangesTests
{
    private static MosStory Story(string id, string? body = null) =>
        new(id, id.ToUpperInvariant(), null, TimeSpan.FromSeconds(30), null, null, [], body is null ? [] : [new MosParagraph(body)]);

    private static MosRunningOrder Order(params MosStory[] stories) => new("ro", "Show", null, TimeSpan.FromMinutes(5), stories);

    private static IEnumerable<string> Described(IEnumerable<MosCommand> commands) => commands.Select(c =>
        c.Kind == "roElementAction"
            ? $"{c.Body.Attribute("operation")!.Value} {string.Join(",", c.Body.Element("element_source")!.Elements().Select(e => e.Element("storyID")?.Value ?? e.Value))}" +
              $" before '{c.Body.Element("element_target")?.Element("storyID")?.Value}'"
            : $"{c.Kind} {c.Body.Element("storyID")?.Value}");

    [Fact]
    public void Float_IsADelete_AndUnfloat_AnInsertInItsPlace()
    {
        var all = Order(Story("a"), Story("b"), Story("c"));
        var floated = Order(Story("a"), Story("c"));

        Assert.Equal(["DELETE b before ''"], Described(MosRunningOrderChanges.Between(all, floated)));
        Assert.Equal(["INSERT b before 'c'"], Described(MosRunningOrderChanges.Between(floated, all)));
    }

    [Fact]
    public void Move_IsOneMoveBeforeItsNewNeighbour()
    {
        var before = Order(Story("a"), Story("b"), Story("c"), Story("d"));
        var after = Order(Story("a"), Story("d"), Story("b"), Story("c"));

        Assert.Equal(["MOVE d before 'b'"], Described(MosRunningOrderChanges.Between(before, after)));
    }

    [Fact]
    public void ScriptEdit_IsAStorySend_AndATimingChangeAReplace()
    {
        var before = Order(Story("a", "첫 문장"), Story("b"));
        var after = Order(Story("a", "고친 문장") with { Duration = TimeSpan.FromSeconds(33) }, Story("b"));

        Assert.Equal(["REPLACE a before 'a'", "roStorySend a"], Described(MosRunningOrderChanges.Between(before, after)));
    }
}
