using Bulletin.Data.Wires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class IncomingItemConfiguration : IEntityTypeConfiguration<IncomingItem>
{
    public void Configure(EntityTypeBuilder<IncomingItem> builder)
    {
        builder.ToTable("IncomingItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Source).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Identity).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Version).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Format).HasMaxLength(16).IsRequired();
        builder.Property(i => i.Provenance).HasMaxLength(2000).IsRequired();
        builder.Property(i => i.Headline).HasMaxLength(500).IsRequired();
        builder.Property(i => i.StoryJson).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.SettledBy).HasMaxLength(200);

        // No duplicate ever: not across polls, restarts, re-deliveries or nodes polling the same wire.
        builder.HasIndex(i => new { i.Source, i.Identity, i.Version }).IsUnique();
        // The queue is listed newest first, all of it or one status, all sources or one.
        builder.HasIndex(i => i.ReceivedAt);
        builder.HasIndex(i => new { i.Status, i.ReceivedAt });
        builder.HasIndex(i => new { i.Source, i.ReceivedAt });
    }
}
