using System.Runtime.CompilerServices;
using Bulletin.Core.Stories;

namespace Bulletin.Search.Tests;

public sealed class StoryIndexTests : IDisposable
{
    private readonly TemporaryIndex _index = new();

    [Fact]
    public void Index_ThenSearchAtOnce_FindsTheStory()
    {
        var story = _index.Add("Ceasefire agreed", "Both sides signed at midnight.");

        Assert.Equal([story.Id], _index.Find("ceasefire"));
    }

    [Fact]
    public void Index_SameIdWithNewText_IsFoundByNewWordsOnly()
    {
        var story = _index.Add("Minister resigns", "The minister stepped down.");

        _index.Index.Index(story with { Headline = "Minister stays on", Body = "The premier asked him to stay." });

        Assert.Empty(_index.Find("resigns"));
        Assert.Equal([story.Id], _index.Find("premier"));
        Assert.Equal("Minister stays on", Assert.Single(_index.Index.Search(new SearchQuery { Text = "minister" }).Hits).Headline);
    }

    [Fact]
    public async Task Rebuild_WhileStoriesAreWrittenAndSearched_Finishes()
    {
        // Rebuilds end by swapping generations while the outbox goes on writing: a lock taken in the wrong order
        // there stopped a server for good. Many rounds, so the swap lands among the writes.
        var archive = Enumerable.Range(0, 300).Select(i => TemporaryIndex.Story($"Archive story {i}", "harbour")).ToList();
        for (var round = 0; round < 20; round++)
        {
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    _index.Add("Live story", "harbour");
                    _index.Index.Search(new SearchQuery { Text = "harbour" });
                }
            }, TestContext.Current.CancellationToken);

            var rebuild = Task.Run(() => _index.Index.Rebuild(archive), TestContext.Current.CancellationToken);
            // A bound for a hang, not a timing: a rebuild of 300 stories takes well under a second.
            var finished = await Task.WhenAny(rebuild, Task.Delay(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
            await stop.CancelAsync();
            Assert.True(finished == rebuild, $"round {round}: the rebuild did not finish while stories were written");
            await rebuild;
            await writer;
            Assert.True(_index.Index.Count >= archive.Count, $"round {round}: {_index.Index.Count} stories after the rebuild");
        }

        // The index still takes writes and finds them after all those swaps.
        var last = _index.Add("Lighthouse keeper retires", "After forty years.");
        Assert.Equal([last.Id], _index.Find("lighthouse"));
    }

    [Fact]
    public void Remove_IndexedStory_IsNoLongerFound()
    {
        var removed = _index.Add("Airport closed by fog", "Flights diverted.");
        var kept = _index.Add("Airport reopens", "Flights resume.");

        _index.Index.Remove(removed.Id);

        Assert.Equal([kept.Id], _index.Find("airport"));
        Assert.Equal(1, _index.Index.Count);
    }

    [Fact]
    public void Reopen_AfterDispose_KeepsTheStoriesAndNeedsNoRebuild()
    {
        var story = _index.Add("Rail strike", "Trains cancelled.");

        var needsRebuild = _index.Reopen();

        Assert.True(_index.OpenedNeedingRebuild);
        Assert.False(needsRebuild);
        Assert.Equal([story.Id], _index.Find("strike"));
    }

    [Fact]
    public async Task Open_CorruptIndex_ReportsRebuildAndRebuildRestoresResults()
    {
        var story = _index.Add("Bridge collapse", "Rescuers search the river.");
        var other = _index.Add("다리 붕괴 사고", "구조대가 수색하고 있습니다.", Language.Korean);
        _index.Index.Dispose();
        var random = new Random(7);
        foreach (var file in Directory.EnumerateFiles(_index.Folder, "*", SearchOption.AllDirectories)
                     .Where(file => Path.GetFileName(file) != "current"))
        {
            var garbage = new byte[Math.Max(64, new FileInfo(file).Length)];
            random.NextBytes(garbage);
            File.WriteAllBytes(file, garbage);
        }

        var needsRebuild = _index.Reopen();

        Assert.True(needsRebuild);
        Assert.True(_index.Index.NeedsRebuild);
        Assert.Empty(_index.Find("bridge"));

        await _index.Index.RebuildAsync(Stream(story, other, TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(_index.Index.NeedsRebuild);
        Assert.Equal([story.Id], _index.Find("bridge"));
        Assert.Equal([other.Id], _index.Find("붕괴"));
        Assert.False(_index.Reopen());
        Assert.Equal([story.Id], _index.Find("bridge"));
    }

    [Fact]
    public void Open_FolderWithoutIndex_ReportsRebuild()
    {
        Assert.True(_index.OpenedNeedingRebuild);
        Assert.Equal(0, _index.Index.Count);
    }

    [Fact]
    public async Task Rebuild_WhileRunning_KeepsAnsweringFromTheOldIndexAndKeepsNewWrites()
    {
        var old = _index.Add("Old headline about harbours", "Old text.");
        var replacement = TemporaryIndex.Story("Harbour expansion approved", "New text.");
        var writtenDuringRebuild = TemporaryIndex.Story("Harbour workers strike", "Written while the index was rebuilt.");
        var seenDuringRebuild = new List<Guid>();

        async IAsyncEnumerable<SearchDocument> Database()
        {
            yield return replacement;
            await Task.Yield();
            seenDuringRebuild.AddRange(_index.Find("harbours"));
            _index.Index.Index(writtenDuringRebuild);
        }

        var progress = new List<int>();
        await _index.Index.RebuildAsync(Database(), new SynchronousProgress(progress.Add), TestContext.Current.CancellationToken);

        Assert.Equal([old.Id], seenDuringRebuild);
        Assert.Equal(new[] { replacement.Id, writtenDuringRebuild.Id }.Order(), _index.Find("harbour").Order());
        Assert.Equal([1], progress);
    }

    [Fact]
    public async Task Rebuild_WhenTheSourceFails_LeavesTheOldIndexInPlace()
    {
        var story = _index.Add("Election results", "Counting continues.");

        async IAsyncEnumerable<SearchDocument> Failing()
        {
            yield return TemporaryIndex.Story("Partial", "Only this one.");
            await Task.Yield();
            throw new InvalidOperationException("The database went away.");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => _index.Index.RebuildAsync(Failing(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal([story.Id], _index.Find("election"));
        Assert.Empty(_index.Find("partial"));
        Assert.False(_index.Reopen());
        Assert.Equal([story.Id], _index.Find("election"));
        Assert.Single(Directory.EnumerateDirectories(_index.Folder));
    }

    [Fact]
    public async Task Search_WhileAnotherThreadIndexes_NeverFailsAndEndsWithEveryStory()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var writing = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                _index.Add($"Wildfire update {i}", "Crews are fighting the wildfire.");
            }
        }, cancellation);

        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var last = 0;
            while (!writing.IsCompleted)
            {
                var total = _index.Index.Search(new SearchQuery { Text = "wildfire" }).Total;
                Assert.True(total >= last, "a search saw fewer stories than an earlier one");
                last = total;
            }
        }, cancellation)).ToList();

        await Task.WhenAll([writing, .. searches]);

        Assert.Equal(300, _index.Index.Search(new SearchQuery { Text = "wildfire" }).Total);
    }

    private static async IAsyncEnumerable<SearchDocument> Stream(
        SearchDocument first, SearchDocument second, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return first;
        await Task.Delay(0, cancellationToken);
        yield return second;
    }

    public void Dispose() => _index.Dispose();

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
