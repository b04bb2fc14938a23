namespace Bulletin.Search;

/// <summary>Who is asking: readers see published stories only, the newsroom sees drafts as well.</summary>
public enum SearchAudience
{
    Public,
    Staff,
}
