using Bulletin.Core.Sections;
using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>What every public page shares, as it stood at one change; held in memory until the next change or <see cref="ValidUntil"/>.</summary>
public sealed record SiteSnapshot(IReadOnlyList<Section> Sections, EditionSnapshot Korean, EditionSnapshot English, DateTimeOffset ValidUntil)
{
    public EditionSnapshot Edition(Language language) => language == Language.English ? English : Korean;

    public Section? Section(Guid? id) => id is { } key ? Sections.FirstOrDefault(s => s.Id == key) : null;

    public Section? Section(string slug) => Sections.FirstOrDefault(s => s.Slug == slug);
}
