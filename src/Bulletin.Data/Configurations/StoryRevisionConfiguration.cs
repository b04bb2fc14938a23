using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> builder)
    {
        builder.ToTable("StoryRevisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Action).HasMaxLength(40).IsRequired();
        builder.Property(r => r.AuthorName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // Null while the revision's content is its story's working content: the text is then stored once, on the story.
        builder.Ignore(r => r.Content);
        builder.Ignore(r => r.IsSuperseded);
        builder.Property<StoryContent?>("_kept").HasColumnName("Content")
            .HasConversion(JsonColumns.CompressedConverter<StoryContent?>(), JsonColumns.RecordComparer<StoryContent?>());
        builder.HasOne<Story>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StoryId, r.Version });
    }
}
