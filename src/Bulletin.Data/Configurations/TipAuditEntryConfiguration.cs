using Bulletin.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class TipAuditEntryConfiguration : IEntityTypeConfiguration<TipAuditEntry>
{
    public void Configure(EntityTypeBuilder<TipAuditEntry> builder)
    {
        // No foreign key to the tip on purpose: the audit line outlives the tip it speaks of.
        builder.ToTable("TipAudit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => e.TipId);
    }
}
