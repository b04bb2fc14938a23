using Bulletin.Core.Curation;
using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>What every page of one edition shows besides its own content: the latest list, the picks, the top story and the banner.</summary>
public sealed record EditionSnapshot(
    IReadOnlyList<StoryTeaser> Latest,
    IReadOnlyList<StoryTeaser> Picks,
    PublishedStory? TopStory,
    BreakingNews? Banner);
