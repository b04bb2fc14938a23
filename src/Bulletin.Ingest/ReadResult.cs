using System.Diagnostics.CodeAnalysis;
using Bulletin.Core.Stories;

namespace Bulletin.Ingest;

/// <summary>
/// What every reader returns for one story it found (a file may hold many: a feed, a WXR export, a newsMessage), or
/// for a file it could not read: the story, where it came from and which version of it this is, what the reader
/// had to guess at, and why it failed. A failure is a value, not an exception, so that a batch import can report it
/// and go on with the next item.
/// </summary>
public sealed record ReadResult
{
    private ReadResult(StoryContent? story, string? error, IReadOnlyList<string> warnings)
    {
        Story = story;
        Error = error;
        Warnings = warnings;
    }

    [MemberNotNullWhen(true, nameof(Story))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Ok => Story is not null;

    public StoryContent? Story { get; }

    /// <summary>Why the file or item could not be read, in words an editor can act on.</summary>
    public string? Error { get; }

    /// <summary>Text the reader kept but could not place, and other things an editor should look at.</summary>
    public IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The format it was read from; Auto when the file could not be told apart (unreadable XML, say).</summary>
    public IngestFormat Format { get; init; }

    /// <summary>Who sent it as the format names them (an agency's domain, a site's address), else the format's name; null for a broadcast page.</summary>
    public string? Source { get; init; }

    /// <summary>The story's id in its source (a NewsML-G2 guid, a ninjs uri, a feed entry's id); null when it has none.</summary>
    public string? Identity { get; init; }

    /// <summary>The source's version of the story, when it numbers or dates them: a later version replaces an earlier one.</summary>
    public string? Version { get; init; }

    /// <summary>The source withdrew the story (NewsML-G2 or ninjs pubStatus canceled): a stored copy is killed.</summary>
    public bool Killed { get; init; }

    /// <summary>
    /// The source had not published the story (a WordPress draft, pending or private post): it is imported as a
    /// draft even when the import publishes what it stores.
    /// </summary>
    public bool Draft { get; init; }

    /// <summary>The source's section or category for the story, by name (a WXR category); the importer matches it.</summary>
    public string? Section { get; init; }

    public static ReadResult Success(StoryContent story, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new(story, null, warnings ?? []);
    }

    public static ReadResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(null, error, []);
    }
}
