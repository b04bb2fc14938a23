namespace Bulletin.Caching;

/// <summary>
/// Present on a request the page cache may keep: a page adds the tags it can be evicted by (its story's, say)
/// beside the tag every cached page carries.
/// </summary>
public sealed class PageCacheFeature
{
    public ICollection<string> Tags { get; } = new List<string>();
}
