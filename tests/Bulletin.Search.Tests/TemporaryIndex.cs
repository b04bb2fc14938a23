using Bulletin.Core.Stories;

namespace Bulletin.Search.Tests;

/// <summary>An index in a folder of its own under the system's temporary folder, deleted afterwards.</summary>
internal sealed class TemporaryIndex : IDisposable
{
    public static readonly DateTimeOffset Noon = new(2024, 10, 16, 3, 0, 0, TimeSpan.Zero);

    public TemporaryIndex()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bulletin-search-tests", Guid.NewGuid().ToString("N"));
        Index = StoryIndex.Open(Folder, out var needsRebuild);
        OpenedNeedingRebuild = needsRebuild;
    }

    public string Folder { get; }
    public StoryIndex Index { get; private set; }
    public bool OpenedNeedingRebuild { get; }

    public static SearchDocument Story(string headline, string body = "", Language language = Language.English) => new()
    {
        Id = Guid.CreateVersion7(),
        Language = language,
        Headline = headline,
        Body = body,
        PublishedAt = Noon,
        IsPublished = true,
    };

    public SearchDocument Add(SearchDocument story)
    {
        Index.Index(story);
        return story;
    }

    public SearchDocument Add(string headline, string body = "", Language language = Language.English) =>
        Add(Story(headline, body, language));

    public IReadOnlyList<Guid> Find(string text) => Find(new SearchQuery { Text = text, PageSize = 100 });

    public IReadOnlyList<Guid> Find(SearchQuery query) => [.. Index.Search(query).Hits.Select(hit => hit.Id)];

    /// <summary>Closes the index and opens the folder again, as a restarted node would.</summary>
    public bool Reopen()
    {
        Index.Dispose();
        Index = StoryIndex.Open(Folder, out var needsRebuild);
        return needsRebuild;
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary folder; harmless.
        }
    }
}
