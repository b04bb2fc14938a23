using Bulletin.Core.Stories;

namespace Bulletin.Search.Tests;

public sealed class SearchFilterTests : IDisposable
{
    private readonly TemporaryIndex _index = new();

    [Fact]
    public void Search_WithSection_FindsOnlyThatSection()
    {
        var politics = _index.Add(TemporaryIndex.Story("Election called", "Voters go to the polls.") with { SectionSlug = "politics" });
        _index.Add(TemporaryIndex.Story("Election ads banned", "Broadcasters must comply.") with { SectionSlug = "media" });

        Assert.Equal([politics.Id], _index.Find(new SearchQuery { Text = "election", SectionSlug = "politics" }));
    }

    [Fact]
    public void Search_WithLanguage_FindsOnlyThatEdition()
    {
        var korean = _index.Add("KTX 운행 재개", "코레일은 KTX 운행을 재개했다고 밝혔습니다.", Language.Korean);
        var english = _index.Add("KTX service resumes", "Korail restarted KTX trains.");

        Assert.Equal([korean.Id], _index.Find(new SearchQuery { Text = "ktx", Language = Language.Korean }));
        Assert.Equal([english.Id], _index.Find(new SearchQuery { Text = "ktx", Language = Language.English }));
        Assert.Equal(2, _index.Find("ktx").Count);
    }

    [Fact]
    public void Search_WithTag_FindsOnlyTaggedStoriesWhateverTheCase()
    {
        var tagged = _index.Add(TemporaryIndex.Story("Typhoon nears Jeju", "Ferries are cancelled.") with { Tags = ["Typhoon Khanun", "weather"] });
        _index.Add(TemporaryIndex.Story("Typhoon season outlook", "Forecasters expect more storms.") with { Tags = ["weather"] });

        Assert.Equal([tagged.Id], _index.Find(new SearchQuery { Text = "typhoon", Tag = "typhoon khanun" }));
        Assert.Equal([tagged.Id], _index.Find(new SearchQuery { Tag = "Typhoon Khanun" }));
    }

    [Fact]
    public void Search_WithByline_FindsOnlyThatReportersStories()
    {
        var hers = _index.Add(TemporaryIndex.Story("Budget talks stall", "No deal yet.") with { Bylines = ["Kim Ji-won", "Lee Min"] });
        _index.Add(TemporaryIndex.Story("Budget talks resume", "Negotiators return.") with { Bylines = ["Park Soo"] });

        Assert.Equal([hers.Id], _index.Find(new SearchQuery { Text = "budget", Byline = "Kim Ji-won" }));
    }

    [Fact]
    public void Search_WithDateRange_IncludesTheStartAndExcludesTheEnd()
    {
        var start = new DateTimeOffset(2024, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var before = _index.Add(TemporaryIndex.Story("Rates decision", "The bank held rates.") with { PublishedAt = start.AddTicks(-1) });
        var atStart = _index.Add(TemporaryIndex.Story("Rates decision", "The bank cut rates.") with { PublishedAt = start });
        var inside = _index.Add(TemporaryIndex.Story("Rates decision", "The bank cut again.") with { PublishedAt = start.AddDays(15) });
        var atEnd = _index.Add(TemporaryIndex.Story("Rates decision", "The bank paused.") with { PublishedAt = start.AddMonths(1) });

        var october = _index.Find(new SearchQuery { Text = "rates", PublishedFrom = start, PublishedBefore = start.AddMonths(1) });
        var fromOctober = _index.Find(new SearchQuery { Text = "rates", PublishedFrom = start });
        var beforeOctober = _index.Find(new SearchQuery { Text = "rates", PublishedBefore = start });

        Assert.Equal(new[] { atStart.Id, inside.Id }.Order(), october.Order());
        Assert.Equal(new[] { atStart.Id, inside.Id, atEnd.Id }.Order(), fromOctober.Order());
        Assert.Equal([before.Id], beforeOctober);
    }

    [Fact]
    public void Search_NewestFirst_OrdersByPublicationTime()
    {
        var old = _index.Add(TemporaryIndex.Story("Flood warning", "Flood warning for the river.") with { PublishedAt = TemporaryIndex.Noon.AddDays(-2) });
        var newest = _index.Add(TemporaryIndex.Story("Storm", "A flood is possible.") with { PublishedAt = TemporaryIndex.Noon });
        var middle = _index.Add(TemporaryIndex.Story("Flood flood flood", "Flood defences hold.") with { PublishedAt = TemporaryIndex.Noon.AddDays(-1) });

        var found = _index.Index.Search(new SearchQuery { Text = "flood", Order = SearchOrder.Newest });

        Assert.Equal([newest.Id, middle.Id, old.Id], found.Hits.Select(hit => hit.Id));
        Assert.Equal(TemporaryIndex.Noon, found.Hits[0].PublishedAt);
    }

    [Fact]
    public void Search_WithoutWords_ListsTheNewestStoriesThatPassTheFilters()
    {
        var old = _index.Add(TemporaryIndex.Story("One", "Text.") with { SectionSlug = "world", PublishedAt = TemporaryIndex.Noon.AddHours(-1) });
        var newest = _index.Add(TemporaryIndex.Story("Two", "Text.") with { SectionSlug = "world" });
        _index.Add(TemporaryIndex.Story("Three", "Text.") with { SectionSlug = "sport" });

        Assert.Equal([newest.Id, old.Id], _index.Find(new SearchQuery { SectionSlug = "world" }));
    }

    [Fact]
    public void Search_Paged_ReturnsTheTotalAndEachStoryOnce()
    {
        var stories = Enumerable.Range(0, 45)
            .Select(i => _index.Add(TemporaryIndex.Story($"Harbour report {i}", "The harbour is busy.") with { PublishedAt = TemporaryIndex.Noon.AddMinutes(i) }))
            .ToList();

        var pages = Enumerable.Range(1, 4)
            .Select(page => _index.Index.Search(new SearchQuery { Text = "harbour", Order = SearchOrder.Newest, Page = page }))
            .ToList();

        Assert.All(pages, page => Assert.Equal(45, page.Total));
        Assert.Equal([20, 20, 5, 0], pages.Select(page => page.Hits.Count));
        Assert.Equal(stories.Select(story => story.Id).Reverse(), pages.SelectMany(page => page.Hits).Select(hit => hit.Id));
    }

    [Fact]
    public void Search_PageSizeAboveTheLimit_ReturnsAtMostOneHundred()
    {
        for (var i = 0; i < 120; i++)
        {
            _index.Add($"Ferry timetable {i}", "Ferries run hourly.");
        }

        var results = _index.Index.Search(new SearchQuery { Text = "ferry", PageSize = 500 });

        Assert.Equal(120, results.Total);
        Assert.Equal(100, results.Hits.Count);
    }

    [Fact]
    public void Search_Draft_IsHiddenFromThePublicAndFoundByStaff()
    {
        var draft = _index.Add(TemporaryIndex.Story("Embargoed merger", "Two banks will merge.") with { IsPublished = false, PublishedAt = null });
        var live = _index.Add("Merger rumours grow", "Analysts expect a deal.");

        Assert.Equal([live.Id], _index.Find(new SearchQuery { Text = "merger" }));
        Assert.Equal(new[] { draft.Id, live.Id }.Order(), _index.Find(new SearchQuery { Text = "merger", Audience = SearchAudience.Staff }).Order());
    }

    public void Dispose() => _index.Dispose();
}
