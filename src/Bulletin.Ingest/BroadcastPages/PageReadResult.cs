using System.Diagnostics.CodeAnalysis;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// The outcome of reading one page: the story with what the reader had to guess at, or why the file is not a page.
/// A failure is a value, not an exception, so that a batch import can report it and go on with the next file.
/// </summary>
public sealed record PageReadResult
{
    private PageReadResult(StoryContent? story, string? error, IReadOnlyList<string> warnings)
    {
        Story = story;
        Error = error;
        Warnings = warnings;
    }

    [MemberNotNullWhen(true, nameof(Story))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Story is not null;

    public StoryContent? Story { get; }

    /// <summary>Why the file could not be read, in words an editor can act on.</summary>
    public string? Error { get; }

    /// <summary>Text the reader kept but could not place, and other things an editor should look at.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static PageReadResult Success(StoryContent story, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new(story, null, warnings ?? []);
    }

    public static PageReadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(null, error, []);
    }
}
