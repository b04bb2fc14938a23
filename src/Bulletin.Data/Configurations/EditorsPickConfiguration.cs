using Bulletin.Core.Curation;
using Bulletin.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class EditorsPickConfiguration : IEntityTypeConfiguration<EditorsPick>
{
    public void Configure(EntityTypeBuilder<EditorsPick> builder)
    {
        builder.ToTable("EditorsPicks");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Story>().WithMany().HasForeignKey(p => p.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.StoryId).IsUnique();
        builder.HasIndex(p => p.Position);
    }
}
