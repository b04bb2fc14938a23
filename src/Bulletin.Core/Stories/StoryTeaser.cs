namespace Bulletin.Core.Stories;

/// <summary>What a list shows of a published story: a link and a time, never its script.</summary>
public sealed record StoryTeaser(Guid Id, Language Language, string Slug, string Headline, DateTimeOffset PublishedAt);
