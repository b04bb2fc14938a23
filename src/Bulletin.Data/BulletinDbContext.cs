using Bulletin.Core.Curation;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Tips;
using Bulletin.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data;

/// <summary>
/// The one model of Bulletin's database. Each provider has a sealed subclass with its own migration set;
/// the host only ever asks for this type.
/// </summary>
public abstract class BulletinDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<EditorsPick> EditorsPicks => Set<EditorsPick>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReaderTip> ReaderTips => Set<ReaderTip>();
    public DbSet<TipAttachment> TipAttachments => Set<TipAttachment>();
    public DbSet<TipMessage> TipMessages => Set<TipMessage>();
    public DbSet<TipAuditEntry> TipAudit => Set<TipAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BulletinDbContext).Assembly);
    }
}
