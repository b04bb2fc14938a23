namespace Bulletin.Core.Sections;

/// <summary>A part of the site (politics, world, economy...), named in both editions.</summary>
public sealed class Section
{
    private Section()
    {
        Slug = "";
        NameKorean = "";
        NameEnglish = "";
    }

    public Section(Guid id, string slug, string nameKorean, string nameEnglish, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        Id = id;
        Slug = slug;
        NameKorean = nameKorean;
        NameEnglish = nameEnglish;
        Position = position;
    }

    public Guid Id { get; private set; }
    public string Slug { get; private set; }
    public string NameKorean { get; private set; }
    public string NameEnglish { get; private set; }

    /// <summary>Order of the section in the site's navigation, lowest first.</summary>
    public int Position { get; private set; }

    public string NameIn(Stories.Language language) =>
        language == Stories.Language.Korean ? NameKorean : NameEnglish;

    public void Rename(string nameKorean, string nameEnglish)
    {
        NameKorean = nameKorean;
        NameEnglish = nameEnglish;
    }

    public void MoveTo(int position) => Position = position;
}
