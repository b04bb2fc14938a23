using Bulletin.Core.Curation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bulletin.Data.Configurations;

internal sealed class BreakingNewsConfiguration : IEntityTypeConfiguration<BreakingNews>
{
    public void Configure(EntityTypeBuilder<BreakingNews> builder)
    {
        builder.ToTable("BreakingNews");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Text).HasMaxLength(500).IsRequired();
        builder.Property(b => b.Link).HasMaxLength(1000);
        builder.HasIndex(b => new { b.Language, b.CreatedAt });
    }
}
