using System.Reflection;
using Bulletin.Core.Stories;

namespace Bulletin.Core.Tests;

/// <summary>
/// Content equality decides whether an edit changed anything: a field that equality forgot would make an editor's
/// change to it vanish as "no change". These tests reflect over every settable property, so a new field that
/// <see cref="StoryContent.Equals(StoryContent)"/> leaves out fails here, and so does a field of a type with no sample.
/// </summary>
public sealed class StoryContentTests
{
    private static readonly DateTimeOffset Then = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);

    public static TheoryData<string> ContentProperties() => [.. Settable(typeof(StoryContent)).Select(p => p.Name)];

    public static TheoryData<string> ProgrammeProperties() => [.. Settable(typeof(Programme)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ContentProperties))]
    public void Equals_WhenOnePropertyDiffers_IsFalse(string property)
    {
        var (same, changed) = PairDifferingIn(Sample(), typeof(StoryContent).GetProperty(property)!);

        Assert.NotEqual(same, changed);
        Assert.False(same.Equals(changed), $"StoryContent.Equals does not compare {property}.");
    }

    [Theory]
    [MemberData(nameof(ProgrammeProperties))]
    public void ProgrammeEquals_WhenOnePropertyDiffers_IsFalse(string property)
    {
        var (same, changed) = PairDifferingIn(new Programme("정민아", ["한지호"]), typeof(Programme).GetProperty(property)!);

        Assert.False(same.Equals(changed), $"Programme.Equals does not compare {property}.");
    }

    [Fact]
    public void Equals_WithEqualListsInOtherInstances_IsTrue_WithTheSameHash()
    {
        var content = Sample();
        var copy = content with
        {
            Subheadlines = [.. content.Subheadlines],
            Bylines = [.. content.Bylines],
            Tags = [.. content.Tags],
            Segments = [.. content.Segments],
            Programme = new Programme(content.Programme!.Host, [.. content.Programme.Guests]),
        };

        Assert.Equal(content, copy);
        Assert.Equal(content.GetHashCode(), copy.GetHashCode());
    }

    private static StoryContent Sample() => new()
    {
        Headline = "폭설로 출근길 혼잡",
        Subheadlines = ["수도권 최대 20cm"],
        Language = Language.Korean,
        Bylines = ["김하늘"],
        Tags = ["날씨"],
        Segments = [new ScriptSegment(SegmentKind.Anchor, "첫 문장")],
        SignOff = "Bulletin 뉴스 김하늘입니다.",
        Programme = new Programme("정민아", ["한지호"]),
        TranscriptDisclaimer = true,
        PublishedAt = Then,
        UpdatedAt = Then.AddHours(1),
    };

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0);

    /// <summary>A copy of <paramref name="original"/> and another copy with only <paramref name="property"/> changed.</summary>
    private static (T Same, T Changed) PairDifferingIn<T>(T original, PropertyInfo property)
        where T : class
    {
        var clone = typeof(T).GetMethod("<Clone>$") ?? throw new InvalidOperationException($"{typeof(T).Name} is not a record.");
        var same = (T)clone.Invoke(original, null)!;
        var changed = (T)clone.Invoke(original, null)!;
        property.SetValue(changed, Other(property.PropertyType, property.GetValue(original)));
        return (same, changed);
    }

    /// <summary>A value of the type unlike <paramref name="current"/>; a new type of field needs a line here.</summary>
    private static object Other(Type type, object? current) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => (string?)current + " (고침)",
        var t when t == typeof(bool) => !(bool)current!,
        var t when t == typeof(Language) => (Language)current! == Language.Korean ? Language.English : Language.Korean,
        var t when t == typeof(DateTimeOffset) => ((DateTimeOffset?)current ?? Then).AddMinutes(1),
        var t when t == typeof(IReadOnlyList<string>) => (IReadOnlyList<string>)[.. (IReadOnlyList<string>)current!, "하나 더"],
        var t when t == typeof(IReadOnlyList<ScriptSegment>) =>
            (IReadOnlyList<ScriptSegment>)[.. (IReadOnlyList<ScriptSegment>)current!, new ScriptSegment(SegmentKind.Reporter, "더")],
        var t when t == typeof(Programme) => new Programme("다른 진행자", ["한지호"]),
        var t when t == typeof(Guid) => Guid.CreateVersion7(),
        var t => throw new InvalidOperationException(
            $"No sample of {t.Name}: add one to {nameof(StoryContentTests)}, so that its equality is tested too."),
    };
}
