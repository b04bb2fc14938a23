namespace Bulletin.Caching;

/// <summary>
/// Marks a public page or endpoint whose successful answer is the same for every reader, so the page cache keeps
/// it as final bytes. Query parameters other than <see cref="VaryByQuery"/> are ignored, so that links carrying
/// tracking parameters all read the one copy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class CachedPageAttribute(params string[] varyByQuery) : Attribute
{
    public IReadOnlyList<string> VaryByQuery { get; } = varyByQuery;
}
