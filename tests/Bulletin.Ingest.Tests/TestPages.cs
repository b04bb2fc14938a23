using Bulletin.Core.Stories;
using Bulletin.Ingest;
using Bulletin.Ingest.BroadcastPages;

namespace Bulletin.Ingest.Tests;

/// <summary>The pages written for these tests, under Pages/, read the way an import reads a file: as bytes.</summary>
internal static class TestPages
{
    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Pages"), "*.txt").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static ReadResult Read(string name) =>
        BroadcastPageReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pages", name)));

    public static StoryContent ReadStory(string name)
    {
        var result = Read(name);
        Assert.True(result.Ok, result.Error);
        return result.Story;
    }
}
