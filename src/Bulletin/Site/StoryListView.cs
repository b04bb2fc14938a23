using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>A list of story links with their times, as the home page, section pages and story asides show them.</summary>
public sealed record StoryListView(IReadOnlyList<StoryTeaser> Stories, SiteClock Clock, Language Edition);
