using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bulletin.Data.Configurations;

/// <summary>
/// Values kept whole as JSON text: the script and the programme are always read and written with their story,
/// never queried piece by piece, and text columns behave the same on both providers.
/// </summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Stored, never put into a page as it is: Hangul kept as UTF-8 takes half the bytes of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // An absent value reads back as its default (null), so writing "speaker":null on every segment only costs bytes.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { WithoutDerivedProperties },
        },
    };

    /// <summary>
    /// Leaves out what is computed from the rest (a segment's paragraphs, a programme's emptiness): reading never sets
    /// it, so writing it stored every segment's text twice. Rows written with it still read, the extra member ignored.
    /// </summary>
    private static void WithoutDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    public static ValueConverter<T, string> Converter<T>() =>
        new(value => JsonSerializer.Serialize(value, Options), json => JsonSerializer.Deserialize<T>(json, Options)!);

    /// <summary>
    /// For the large values (a script, a live version, a revision's content): the same JSON, Brotli-compressed when
    /// that saves space. Text is most of an archive's bytes and is only ever read whole, one story at a time, so a few
    /// microseconds per row buy about 40% of the database (more on real Korean and English prose than on test text).
    /// </summary>
    public static ValueConverter<T, byte[]> CompressedConverter<T>() =>
        new(value => CompressedText.Pack(JsonSerializer.SerializeToUtf8Bytes(value, Options)),
            bytes => JsonSerializer.Deserialize<T>(CompressedText.Unpack(bytes), Options)!);

    /// <summary>
    /// Compares lists by their items. The items are immutable (strings, records), so a snapshot is a shallow copy;
    /// comparing serialised JSON instead would cost a serialisation per property per save.
    /// </summary>
    public static ValueComparer<List<T>> ListComparer<T>() =>
        new(
            (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
            list => list.Aggregate(17, (hash, item) => HashCode.Combine(hash, item)),
            list => list.ToList());

    /// <summary>For an immutable record, which compares by value: the reference itself is the snapshot.</summary>
    public static ValueComparer<T> RecordComparer<T>()
        where T : class? =>
        new((a, b) => Equals(a, b), value => value == null ? 0 : value.GetHashCode(), value => value);

    /// <summary>
    /// The columns of what a story says, kept alike on a working story and on its published row: the lists through
    /// their backing fields, the programme whole, the read-only views and the assembled content not mapped.
    /// </summary>
    public static void MapStoryText<T>(EntityTypeBuilder<T> builder, Expression<Func<T, Programme?>> programme)
        where T : class
    {
        builder.Property<List<string>>("_subheadlines").HasColumnName("Subheadlines")
            .HasConversion(Converter<List<string>>(), ListComparer<string>());
        builder.Property<List<string>>("_bylines").HasColumnName("Bylines")
            .HasConversion(Converter<List<string>>(), ListComparer<string>());
        builder.Property<List<string>>("_tags").HasColumnName("Tags")
            .HasConversion(Converter<List<string>>(), ListComparer<string>());
        builder.Property<List<ScriptSegment>>("_segments").HasColumnName("Segments")
            .HasConversion(CompressedConverter<List<ScriptSegment>>(), ListComparer<ScriptSegment>());
        builder.Property(programme).HasConversion(Converter<Programme?>(), RecordComparer<Programme?>());
        foreach (var view in new[] { "Subheadlines", "Bylines", "Tags", "Segments", "Content" })
        {
            builder.Ignore(view);
        }
    }
}
