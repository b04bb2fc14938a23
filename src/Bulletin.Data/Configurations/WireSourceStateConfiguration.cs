using Bulletin.Data.Wires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class WireSourceStateConfiguration : IEntityTypeConfiguration<WireSourceState>
{
    public void Configure(EntityTypeBuilder<WireSourceState> builder)
    {
        builder.ToTable("WireSources");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.ETag).HasMaxLength(500);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.LastError).HasMaxLength(2000);
    }
}
