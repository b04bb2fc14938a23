namespace Bulletin.Search;

/// <summary>One page of hits and the number of stories that matched in all.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty { get; } = new(0, []);
}
