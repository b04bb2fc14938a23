using Bulletin.Core.Rundowns;
using Bulletin.Data.Rundowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class AttachedObjectConfiguration : IEntityTypeConfiguration<AttachedObject>
{
    public void Configure(EntityTypeBuilder<AttachedObject> builder)
    {
        builder.ToTable("RundownItemObjects");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.DeviceId).HasMaxLength(AttachedObject.MaxIdLength).IsRequired();
        builder.Property(o => o.ObjectId).HasMaxLength(AttachedObject.MaxIdLength).IsRequired();
        builder.Property(o => o.Slug).HasMaxLength(AttachedObject.MaxIdLength).IsRequired();
        builder.Property<int>(RundownOrder.Position);
        builder.Property<Guid>(RundownOrder.ItemId);

        // A line's objects in their order, read with the running order.
        builder.HasIndex(RundownOrder.ItemId, RundownOrder.Position);
    }
}
