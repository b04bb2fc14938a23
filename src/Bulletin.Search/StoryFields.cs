using Bulletin.Core.Stories;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Bulletin.Search;

/// <summary>
/// The index's field layout. Text is analysed per language: a Korean story's words go to the "_ko" fields
/// (CJK bigrams), an English story's to the "_en" fields (stemmed), and a query is run against both.
/// </summary>
internal static class StoryFields
{
    public const string Id = "id";
    public const string Language = "lang";
    public const string Section = "section";
    public const string Tag = "tag";
    public const string Byline = "byline";
    public const string IsPublished = "published";
    public const string PublishedAt = "published_at";
    public const string PublishedAtSort = "published_at_sort";
    public const string StoredHeadline = "headline";
    public const string StoredBody = "body";

    public const string HeadlineText = "headline_";
    public const string SubheadlineText = "sub_";
    public const string BodyText = "body_";
    public const string SpeakerText = "speaker_";
    public const string TagText = "tag_";

    /// <summary>Field prefixes with their weight at query time: headline over subheadlines over body over the rest.</summary>
    public static readonly IReadOnlyList<(string Prefix, float Boost)> Weighted =
    [
        (HeadlineText, 5f),
        (SubheadlineText, 2.5f),
        (BodyText, 1f),
        (SpeakerText, 0.6f),
        (TagText, 0.6f),
    ];

    public static IReadOnlyList<Language> Languages { get; } = [Core.Stories.Language.Korean, Core.Stories.Language.English];

    public static string Text(string prefix, Language language) => prefix + language.ToCode();

    /// <summary>Tags, bylines and section slugs are matched whole, ignoring case and outer spaces.</summary>
    public static string Keyword(string value) => value.Trim().ToLowerInvariant();

    public static Term IdTerm(Guid id) => new(Id, id.ToString("N"));

    public static Document ToDocument(SearchDocument story)
    {
        var language = story.Language;
        var document = new Document
        {
            new StringField(Id, story.Id.ToString("N"), Field.Store.YES),
            new StringField(Language, language.ToCode(), Field.Store.YES),
            new StringField(IsPublished, story.IsPublished ? "1" : "0", Field.Store.NO),
            new StoredField(StoredHeadline, story.Headline),
            new StoredField(StoredBody, story.Body),
            new TextField(Text(HeadlineText, language), story.Headline, Field.Store.NO),
            new TextField(Text(BodyText, language), story.Body, Field.Store.NO),
        };

        if (!string.IsNullOrWhiteSpace(story.SectionSlug))
        {
            document.Add(new StringField(Section, Keyword(story.SectionSlug), Field.Store.NO));
        }

        foreach (var subheadline in story.Subheadlines)
        {
            document.Add(new TextField(Text(SubheadlineText, language), subheadline, Field.Store.NO));
        }

        foreach (var speaker in story.Speakers)
        {
            document.Add(new TextField(Text(SpeakerText, language), speaker, Field.Store.NO));
        }

        foreach (var tag in story.Tags.Where(tag => !string.IsNullOrWhiteSpace(tag)))
        {
            document.Add(new StringField(Tag, Keyword(tag), Field.Store.NO));
            document.Add(new TextField(Text(TagText, language), tag, Field.Store.NO));
        }

        foreach (var byline in story.Bylines.Where(byline => !string.IsNullOrWhiteSpace(byline)))
        {
            document.Add(new StringField(Byline, Keyword(byline), Field.Store.NO));
        }

        // Unpublished stories sort after every published one when the newest come first.
        var publishedAt = story.PublishedAt?.ToUnixTimeMilliseconds();
        if (publishedAt is { } milliseconds)
        {
            document.Add(new Int64Field(PublishedAt, milliseconds, Field.Store.YES));
        }

        document.Add(new NumericDocValuesField(PublishedAtSort, publishedAt ?? long.MinValue));
        return document;
    }
}
