using Bulletin.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

/// <summary>
/// The media library. Renditions are kept whole as JSON with their item: always read and written together, never
/// queried one by one. The listing walks (UploadedAt, Id) newest first, a search filtering the rows that walk meets.
/// </summary>
internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("MediaItems");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.OriginalType).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Caption).HasMaxLength(MediaFields.MaxCaption).IsRequired();
        builder.Property(m => m.Credit).HasMaxLength(MediaFields.MaxShort).IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(MediaFields.MaxAltText).IsRequired();
        builder.Property(m => m.Rights).HasMaxLength(MediaFields.MaxShort).IsRequired();
        builder.Property(m => m.Source).HasMaxLength(MediaFields.MaxShort).IsRequired();
        builder.Property(m => m.UploadedByName).HasMaxLength(320).IsRequired();
        builder.Property(m => m.SearchText).HasMaxLength(5000).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.FocalPoint);
        builder.Ignore(m => m.HasAltText);
        builder.Ignore(m => m.Renditions);
        builder.Property<List<MediaRendition>>("_renditions").HasColumnName("Renditions")
            .HasConversion(JsonColumns.Converter<List<MediaRendition>>(), JsonColumns.ListComparer<MediaRendition>());

        builder.HasIndex(m => new { m.UploadedAt, m.Id });
    }
}
