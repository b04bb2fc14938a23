using Bulletin.Core.Sections;
using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>What every public page shares, as it stood at one change; held in memory until the next change or <see cref="ValidUntil"/>.</summary>
/// <param name="Counts">How many stories are live, by section (null: none) and edition, for page counts and totals.</param>
public sealed record SiteSnapshot(IReadOnlyList<Section> Sections, EditionSnapshot Korean, EditionSnapshot English, DateTimeOffset ValidUntil,
    IReadOnlyDictionary<(Guid? Section, Language Edition), int> Counts)
{
    /// <summary>
    /// Live stories in a section (any, when null) and an edition (both, when null): counted once per change, since a
    /// count is a pass over an index that grows with the archive, and a page of a list only needs to know how many.
    /// </summary>
    public int Count(Guid? section = null, Language? edition = null) =>
        Counts.Where(c => (section is null || c.Key.Section == section) && (edition is null || c.Key.Edition == edition)).Sum(c => c.Value);

    public EditionSnapshot Edition(Language language) => language == Language.English ? English : Korean;

    public Section? Section(Guid? id) => id is { } key ? Sections.FirstOrDefault(s => s.Id == key) : null;

    public Section? Section(string slug) => Sections.FirstOrDefault(s => s.Slug == slug);
}
