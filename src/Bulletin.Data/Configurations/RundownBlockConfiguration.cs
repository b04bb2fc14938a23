using Bulletin.Core.Rundowns;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class RundownBlockConfiguration : IEntityTypeConfiguration<RundownBlock>
{
    public void Configure(EntityTypeBuilder<RundownBlock> builder)
    {
        builder.ToTable("RundownBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Letter).HasMaxLength(8).IsRequired();
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.Property<int>(RundownOrder.Position);

        builder.HasMany(b => b.Items).WithOne().HasForeignKey(RundownOrder.BlockId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Items).HasField("ItemList").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(RundownOrder.RundownId, RundownOrder.Position);
    }
}
