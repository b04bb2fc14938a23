using Bulletin.Core.Stories;

namespace Bulletin.Search;

/// <summary>
/// What the index knows of a story. Drafts are indexed too, so the newsroom can find its own work;
/// the public search leaves out everything that is not <see cref="IsPublished"/>.
/// </summary>
public sealed record SearchDocument
{
    public required Guid Id { get; init; }
    public required Language Language { get; init; }
    public required string Headline { get; init; }
    public IReadOnlyList<string> Subheadlines { get; init; } = [];

    /// <summary>Every segment's text, in script order, separated by blank lines.</summary>
    public string Body { get; init; } = "";

    /// <summary>Names and titles of the people heard in soundbites and speaker turns.</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Bylines { get; init; } = [];
    public string? SectionSlug { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public bool IsPublished { get; init; }

    /// <summary>A story as it is being written, for staff search only: never public, whatever its state.</summary>
    public static SearchDocument From(Story story, string? sectionSlug)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Of(story.Id, story.Content, sectionSlug, story.PublishedAt, isPublished: false);
    }

    /// <summary>A story as readers see it: the only kind public search finds.</summary>
    public static SearchDocument From(PublishedStory story, string? sectionSlug)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Of(story.Id, story.Content, sectionSlug, story.PublishedAt, isPublished: true);
    }

    private static SearchDocument Of(Guid id, StoryContent story, string? sectionSlug, DateTimeOffset? publishedAt, bool isPublished)
    {
        var speakers = story.Segments
            .SelectMany(segment => new[] { segment.Speaker, segment.Title })
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => text!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return new SearchDocument
        {
            Id = id,
            Language = story.Language,
            Headline = story.Headline,
            Subheadlines = [.. story.Subheadlines],
            Body = string.Join("\n\n", story.Segments.Select(segment => segment.Text.Trim()).Where(text => text.Length > 0)),
            Speakers = speakers,
            Tags = [.. story.Tags],
            Bylines = [.. story.Bylines],
            SectionSlug = sectionSlug,
            PublishedAt = publishedAt,
            IsPublished = isPublished,
        };
    }
}
