namespace Bulletin.Search;

public enum SearchOrder
{
    /// <summary>Best match first; a match in the headline counts more than one in the body.</summary>
    Relevance,

    /// <summary>Latest publication time first; stories never published come last.</summary>
    Newest,
}
