using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class RundownItemConfiguration : IEntityTypeConfiguration<RundownItem>
{
    public void Configure(EntityTypeBuilder<RundownItem> builder)
    {
        builder.ToTable("RundownItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Slug).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Page).HasMaxLength(16).IsRequired();
        builder.Property(i => i.ReadRate).HasConversion(JsonColumns.Converter<ReadTimeOptions?>(), JsonColumns.RecordComparer<ReadTimeOptions?>())
            .HasMaxLength(200);
        builder.Property(i => i.Presenter).HasMaxLength(Rundown.MaxPresenterLength);
        builder.Property<int>(RundownOrder.Position);
        builder.Ignore(i => i.HasAired);

        builder.HasMany(i => i.Objects).WithOne().HasForeignKey(RundownOrder.ItemId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Objects).HasField("ObjectList").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The item names its story and never copies it; a story can sit in many rundowns, and goes from none of them.
        builder.HasOne<Story>().WithMany().HasForeignKey(i => i.StoryId).OnDelete(DeleteBehavior.Restrict);

        // Kept beside the block so that a script edit finds the rundowns holding its story in one index range,
        // without joining through every block.
        builder.Property<Guid>(RundownOrder.RundownId);
        builder.HasOne<Rundown>().WithMany().HasForeignKey(RundownOrder.RundownId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(nameof(RundownItem.StoryId), RundownOrder.RundownId);
        builder.HasIndex(RundownOrder.BlockId, RundownOrder.Position);
    }
}
