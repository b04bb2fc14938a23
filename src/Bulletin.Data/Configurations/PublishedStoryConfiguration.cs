using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

/// <summary>
/// The read model of what is published. Every index here serves one public query, and each ends in
/// (PublishedAt, Id) so that a list is an index range read newest first, and with Id in it a page of ids is
/// read from the index alone (deep pages skip index entries, not rows).
/// </summary>
internal sealed class PublishedStoryConfiguration : IEntityTypeConfiguration<PublishedStory>
{
    public void Configure(EntityTypeBuilder<PublishedStory> builder)
    {
        builder.ToTable("PublishedStories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Slug).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Headline).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SignOff).HasMaxLength(1000);
        builder.Property(s => s.CorrectionNote).HasMaxLength(2000);

        JsonColumns.MapStoryText(builder, s => s.Programme);
        builder.Ignore(s => s.Lead);

        builder.HasOne<Story>().WithOne().HasForeignKey<PublishedStory>(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.SetNull);

        // The story page: one lookup by its address. Not unique: a story's live language can differ from the
        // working one that made its slug unique, and a refused publish would be worse than two rows to choose from.
        builder.HasIndex(s => new { s.Language, s.Slug });
        // An edition's latest (home, feeds, the API by language).
        builder.HasIndex(s => new { s.Language, s.PublishedAt, s.Id });
        // A section's pages and feeds.
        builder.HasIndex(s => new { s.SectionId, s.Language, s.PublishedAt, s.Id });
        // Both editions at once (the API without a language, sitemaps, the news sitemap).
        builder.HasIndex(s => new { s.PublishedAt, s.Id });
    }
}
