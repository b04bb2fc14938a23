using Bulletin.Core.Stories;

namespace Bulletin.Site;

/// <summary>
/// Public paths. The Korean edition lives at the root and the English one under /en, so a story's path follows
/// from its language and its slug alone.
/// </summary>
public static class StoryPaths
{
    public static string EditionPrefix(Language language) => language == Language.English ? "/en" : "";

    public static string Home(Language language) => language == Language.English ? "/en" : "/";

    public static string Story(Language language, string slug) =>
        $"{EditionPrefix(language)}/news/{Uri.EscapeDataString(slug)}";

    public static string Story(Story story) => Story(story.Language, story.Slug);

    public static string Story(PublishedStory story) => Story(story.Language, story.Slug);

    public static string Story(StoryTeaser story) => Story(story.Language, story.Slug);

    public static string Section(Language language, string sectionSlug) =>
        $"{EditionPrefix(language)}/section/{Uri.EscapeDataString(sectionSlug)}";
}
