namespace Bulletin.Search;

/// <summary>
/// One story found. <see cref="Headline"/> is plain text; <see cref="Snippet"/> is already HTML: every character of
/// the story is encoded and only the matched words are wrapped in &lt;mark&gt;, so it can be written out as it is.
/// </summary>
public sealed record SearchHit(Guid Id, string Headline, string Snippet, DateTimeOffset? PublishedAt, float Score);
