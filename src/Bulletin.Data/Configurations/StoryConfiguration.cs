using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("Stories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Slug).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Headline).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SignOff).HasMaxLength(1000);
        builder.Property(s => s.Source).HasMaxLength(100);
        builder.Property(s => s.ExternalId).HasMaxLength(200);
        builder.Property(s => s.SourceVersion).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();

        JsonColumns.MapStoryText(builder, s => s.Programme);
        builder.Ignore(s => s.IsLive);
        builder.Ignore(s => s.HasUnpublishedChanges);
        // The live version is stored only while it differs from the working one (Story keeps it once otherwise).
        builder.Ignore(s => s.Live);
        builder.Property<StoryContent?>("_live").HasColumnName("Live")
            .HasConversion(JsonColumns.CompressedConverter<StoryContent?>(), JsonColumns.RecordComparer<StoryContent?>());
        builder.Property<bool>("_liveIsWorkingVersion").HasColumnName("LiveIsWorkingVersion");
        builder.Property(s => s.CorrectionNote).HasMaxLength(2000);

        builder.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(s => new { s.Language, s.Slug }).IsUnique();
        builder.HasIndex(s => new { s.Source, s.ExternalId }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.Language, s.PublishedAt });
        builder.HasIndex(s => new { s.SectionId, s.Status, s.PublishedAt });
        builder.HasIndex(s => new { s.Status, s.ScheduledAt });
        // The desk's lists: each is one status, newest (or oldest) change first, and "published today".
        builder.HasIndex(s => new { s.Status, s.UpdatedAt });
        builder.HasIndex(s => new { s.Status, s.PublishedAt });
    }
}
