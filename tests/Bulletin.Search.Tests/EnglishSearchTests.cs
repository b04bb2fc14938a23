namespace Bulletin.Search.Tests;

public sealed class EnglishSearchTests : IDisposable
{
    private readonly TemporaryIndex _index = new();

    [Fact]
    public void Search_BaseForm_FindsInflectedForms()
    {
        var deployed = _index.Add("Troops deployed to the border", "The ministry confirmed the move on Tuesday.");
        var deploying = _index.Add("Navy is deploying a second carrier", "Officials gave no date.");
        _index.Add("Markets close higher", "Shares rose for a third day.");

        Assert.Equal(new[] { deployed.Id, deploying.Id }.Order(), _index.Find("deploy").Order());
    }

    [Fact]
    public void Search_WordInHeadline_RanksAboveWordInBodyOrTags()
    {
        var inBody = _index.Add(TemporaryIndex.Story("Parliament session opens", "Lawmakers debated the budget for hours.") with { Tags = ["budget"] });
        var inTags = _index.Add(TemporaryIndex.Story("Finance minister speaks", "The minister answered questions.") with { Tags = ["budget"] });
        var inHeadline = _index.Add("Budget passes after long night", "Lawmakers voted at dawn.");

        var found = _index.Find("budget");

        Assert.Equal(3, found.Count);
        Assert.Equal(inHeadline.Id, found[0]);
        Assert.Contains(inBody.Id, found);
        Assert.Contains(inTags.Id, found);
    }

    [Fact]
    public void Search_SubheadlineMatch_RanksAboveBodyMatch()
    {
        var inBody = _index.Add("Council meets", "The council discussed flooding along the river.");
        var inSubheadline = _index.Add(TemporaryIndex.Story("Council meets again", "Members met for an hour.") with
        {
            Subheadlines = ["Flooding tops the agenda"],
        });

        Assert.Equal([inSubheadline.Id, inBody.Id], _index.Find("flooding"));
    }

    [Fact]
    public void Search_SpeakerName_FindsTheStoryWithTheirSoundbite()
    {
        var story = _index.Add(TemporaryIndex.Story("Port strike ends", "Workers return on Monday.") with
        {
            Speakers = ["Jane Holloway", "union spokeswoman"],
        });
        _index.Add("Port traffic resumes", "Ships are moving again.");

        Assert.Equal([story.Id], _index.Find("holloway"));
    }

    [Theory]
    [InlineData("the", 0)]
    [InlineData("\"(", 0)]
    [InlineData("AND OR NOT", 0)]
    [InlineData("title:[a TO", 1)]
    [InlineData("bracket*", 1)]
    public void Search_StopWordsOrQuerySyntax_IsReadAsPlainWords(string text, int expected)
    {
        _index.Add("The title of the story", "A body with a [bracket and the words AND OR NOT.");

        var results = _index.Index.Search(new SearchQuery { Text = text });

        Assert.Equal(expected, results.Total);
        Assert.Equal(expected, results.Hits.Count);
    }

    public void Dispose() => _index.Dispose();
}
