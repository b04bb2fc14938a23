using Bulletin.Broadcast.Mos;

namespace Bulletin.Tests.Mos;

public sealed class MosRunningOrderChangesTests
{
    private static readonly string[] ItemFields = ["itemID", "itemSlug", "objID", "mosID", "itemEdDur"];

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

    [Fact]
    public void TwoStoriesExchangingPlaces_AreOneSwap_AdjacentOrNot()
    {
        var before = Order(Story("a"), Story("b"), Story("c"), Story("d"));

        Assert.Equal(["SWAP b,d before ''"], Described(MosRunningOrderChanges.Between(before, Order(Story("a"), Story("d"), Story("c"), Story("b")))));
        Assert.Equal(["SWAP a,b before ''"], Described(MosRunningOrderChanges.Between(before, Order(Story("b"), Story("a"), Story("c"), Story("d")))));
        // A swap beside a deletion is still one swap, after the delete.
        Assert.Equal(["DELETE c before ''", "SWAP a,d before ''"],
            Described(MosRunningOrderChanges.Between(before, Order(Story("d"), Story("b"), Story("a")))));
    }

    [Fact]
    public void ThreeStoriesInARing_OrANewOne_AreNoSwap()
    {
        var before = Order(Story("a"), Story("b"), Story("c"));

        // a b c -> c a b: one story moved up, not two exchanged.
        Assert.Equal(["MOVE c before 'a'"], Described(MosRunningOrderChanges.Between(before, Order(Story("c"), Story("a"), Story("b")))));
        // b a c plus a new d: the exchange is not the only change, so it goes as moves and an insert.
        Assert.Equal(["MOVE b before 'a'", "INSERT d before ''"],
            Described(MosRunningOrderChanges.Between(before, Order(Story("b"), Story("a"), Story("c"), Story("d")))));
        Assert.Null(MosRunningOrderChanges.Swapped(["a", "b", "c"], ["b", "c", "a"]));
        Assert.Equal(("a", "c"), MosRunningOrderChanges.Swapped(["a", "b", "c"], ["c", "b", "a"]));
    }

    [Fact]
    public void AnObjectAttached_IsAnItemInsert_AndDetached_AnItemDelete_NotAStoryReplace()
    {
        var clip = new MosItem("i1", "CLIP", "CLIP-0042", "device.test", 300);
        var graphic = new MosItem("i2", "LOWER THIRD", "GFX-0001", "device.test");
        var bare = Order(Story("a", "첫 문장"), Story("b"));
        var one = Order(Story("a", "첫 문장") with { Items = [clip] }, Story("b"));
        var two = Order(Story("a", "첫 문장") with { Items = [clip, graphic] }, Story("b"));

        var attached = MosRunningOrderChanges.Between(bare, one);
        Assert.Equal(["roElementAction", "roStorySend"], attached.Select(c => c.Kind));
        var insert = attached[0].Body;
        Assert.Equal("INSERT", insert.Attribute("operation")!.Value);
        Assert.Equal(("a", ""), (insert.Element("element_target")!.Element("storyID")!.Value, insert.Element("element_target")!.Element("itemID")!.Value));
        var item = insert.Element("element_source")!.Element("item")!;
        Assert.Equal(["i1", "CLIP", "CLIP-0042", "device.test", "300"],
            ItemFields.Select(n => item.Element(n)!.Value));
        // The script body carries the items too, so the prompter's copy is sent again with it.
        Assert.Equal("CLIP-0042", attached[1].Body.Element("storyBody")!.Element("storyItem")!.Element("objID")!.Value);

        // The first of two taken off: its DELETE alone, inside its story.
        var detached = MosRunningOrderChanges.Between(two, Order(Story("a", "첫 문장") with { Items = [graphic] }, Story("b")));
        var delete = detached[0].Body;
        Assert.Equal(("DELETE", "a"), (delete.Attribute("operation")!.Value, delete.Element("element_target")!.Element("storyID")!.Value));
        Assert.Null(delete.Element("element_target")!.Element("itemID"));
        Assert.Equal(["i1"], delete.Element("element_source")!.Elements("itemID").Select(e => e.Value));
        Assert.DoesNotContain(detached, c => c.Kind == "roElementAction" && c.Body.Attribute("operation")!.Value != "DELETE");

        // A second object goes in after the first (before nothing: the end of the story).
        var second = MosRunningOrderChanges.Between(one, two)[0].Body;
        Assert.Equal(("INSERT", ""), (second.Attribute("operation")!.Value, second.Element("element_target")!.Element("itemID")!.Value));
        Assert.Equal("i2", second.Element("element_source")!.Element("item")!.Element("itemID")!.Value);
    }

    [Fact]
    public void AStoryWhoseTimingAndObjectsChange_IsOneReplace_WithItsItems()
    {
        var clip = new MosItem("i1", "CLIP", "CLIP-0042", "device.test", 300);
        var before = Order(Story("a"), Story("b"));
        var after = Order(Story("a") with { Duration = TimeSpan.FromSeconds(45), Items = [clip] }, Story("b"));

        var replace = Assert.Single(MosRunningOrderChanges.Between(before, after));
        Assert.Equal("REPLACE", replace.Body.Attribute("operation")!.Value);
        Assert.Equal("CLIP-0042", replace.Body.Element("element_source")!.Element("story")!.Element("item")!.Element("objID")!.Value);
    }
}
