using Bulletin.Core.Stories;
using Bulletin.Data.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class PublishedStoryTagConfiguration : IEntityTypeConfiguration<PublishedStoryTag>
{
    public void Configure(EntityTypeBuilder<PublishedStoryTag> builder)
    {
        builder.ToTable("PublishedStoryTags");
        builder.HasKey(t => new { t.StoryId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(200);
        builder.Property(t => t.Language).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<PublishedStory>().WithMany().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
        // A tag's page or feed: one index range, newest first, with the story's id read from the index itself.
        builder.HasIndex(t => new { t.Tag, t.Language, t.PublishedAt, t.StoryId });
    }
}
