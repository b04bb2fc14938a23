using System.Reflection;
using System.Text.RegularExpressions;
using Bulletin.Core.Text;
using Bulletin.Site;

namespace Bulletin.Tests;

/// <summary>
/// Every catalogue entry of UI text, found by reflection over the web project and Core (the workflows' reasons), is checked here: a phrase left
/// untranslated, pasted in the wrong language or given different placeholders fails the build's tests rather
/// than a reader.
/// </summary>
public sealed partial class PhraseTests
{
    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Catalogue())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Catalogues_AreFound_InEveryPartOfTheSite()
    {
        var owners = Catalogue().Select(e => e.Name.Split('.')[0]).ToHashSet();

        // The test below would pass on nothing at all; this says it has the site, the tip pages and the newsroom.
        Assert.Contains("SiteText", owners);
        Assert.Contains("TipFormText", owners);
        Assert.Contains("NewsroomText", owners);
        Assert.Contains("StoryWorkflowText", owners);
        Assert.Contains("TipWorkflowText", owners);
        Assert.Contains("RundownWorkflowText", owners);
        Assert.True(Catalogue().Count > 250, $"only {Catalogue().Count} phrases found");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_HasBothLanguages_WithTheSamePlaceholders(string name)
    {
        var phrase = Catalogue().Single(e => e.Name == name).Phrase;

        Assert.False(string.IsNullOrWhiteSpace(phrase.Korean), $"{name} has no Korean");
        Assert.False(string.IsNullOrWhiteSpace(phrase.English), $"{name} has no English");
        Assert.True(Hangul().IsMatch(phrase.Korean), $"{name}'s Korean has no Hangul: \"{phrase.Korean}\"");
        Assert.False(Hangul().IsMatch(phrase.English), $"{name}'s English has Hangul: \"{phrase.English}\"");
        Assert.Equal(Placeholders(phrase.Korean), Placeholders(phrase.English));
    }

    private static List<(string Name, Phrase Phrase)> Catalogue() =>
    [
        .. from type in typeof(Phrase).Assembly.GetTypes().Concat(typeof(SiteText).Assembly.GetTypes())
           from field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
           where field.FieldType == typeof(Phrase)
           orderby type.Name, field.Name
           select ($"{type.Name}.{field.Name}", (Phrase)field.GetValue(null)!),
    ];

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
