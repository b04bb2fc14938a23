using Bulletin.Core.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class ReaderTipConfiguration : IEntityTypeConfiguration<ReaderTip>
{
    public void Configure(EntityTypeBuilder<ReaderTip> builder)
    {
        builder.ToTable("ReaderTips");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ReceiptHash).HasMaxLength(100).IsRequired();
        builder.Property(t => t.SealedText).IsRequired();
        builder.Property(t => t.SourceReference).HasMaxLength(100);
        builder.Property(t => t.SenderReference).HasMaxLength(100);
        builder.Property(t => t.AssignedTo).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TipId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Messages).WithOne().HasForeignKey(m => m.TipId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(t => t.ReceiptHash).IsUnique();
        builder.HasIndex(t => new { t.Channel, t.SourceReference }).IsUnique();
        builder.HasIndex(t => t.SenderReference);
        builder.HasIndex(t => new { t.Status, t.SettledOn });
        builder.HasIndex(t => t.DuplicateOfId);
        // The tip desk lists newest activity first, all tips or one status.
        builder.HasIndex(t => t.LastActivityOn);
        builder.HasIndex(t => new { t.Status, t.LastActivityOn });
    }
}
