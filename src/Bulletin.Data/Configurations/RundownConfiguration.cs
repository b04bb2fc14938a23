using Bulletin.Core.Rundowns;
using Bulletin.Core.Timing;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class RundownConfiguration : IEntityTypeConfiguration<Rundown>
{
    public void Configure(EntityTypeBuilder<Rundown> builder)
    {
        builder.ToTable("Rundowns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Show).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReadRate).HasConversion(JsonColumns.Converter<ReadTimeOptions>(), JsonColumns.RecordComparer<ReadTimeOptions>())
            .HasMaxLength(200);
        builder.Property(r => r.Presenter).HasMaxLength(Rundown.MaxPresenterLength);
        // Every change raises it (the aggregate does), so every save updates this row and a stale one fails here.
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The running order is the blocks' order and each block's items' order, kept in Position columns.
        builder.HasMany(r => r.Blocks).WithOne().HasForeignKey(RundownOrder.RundownId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Blocks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Items);

        // The producer's list: one air date (or a few), in order of start.
        builder.HasIndex(r => new { r.AirDate, r.Start });
        // The MOS gateway's running orders: the rundowns on air.
        builder.HasIndex(r => new { r.Status, r.Start });
    }
}
