using Bulletin.Core.Curation;
using Bulletin.Core.Media;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Data.Audit;
using Bulletin.Data.History;
using Bulletin.Data.Idempotency;
using Bulletin.Core.Tips;
using Bulletin.Data.Outbox;
using Bulletin.Data.Publication;
using Bulletin.Data.Rundowns;
using Bulletin.Data.Staff;
using Bulletin.Data.Wires;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data;

/// <summary>
/// The one model of Bulletin's database, staff accounts (ASP.NET Core Identity) included. Each provider has a
/// sealed subclass with its own migration set; the host only ever asks for this type. The data-protection keys
/// (which sign cookies and antiforgery tokens) are kept here too, so that every node of a fleet reads the same ones.
/// </summary>
public abstract class BulletinDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();

    /// <summary>What readers see: one row per live story, written in the same transaction as the workflow change.</summary>
    public DbSet<PublishedStory> PublishedStories => Set<PublishedStory>();
    public DbSet<PublishedStoryTag> PublishedStoryTags => Set<PublishedStoryTag>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<EditorsPick> EditorsPicks => Set<EditorsPick>();
    public DbSet<BreakingNews> BreakingNews => Set<BreakingNews>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ReaderTip> ReaderTips => Set<ReaderTip>();
    public DbSet<TipAttachment> TipAttachments => Set<TipAttachment>();
    public DbSet<TipMessage> TipMessages => Set<TipMessage>();
    public DbSet<TipAuditEntry> TipAudit => Set<TipAuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>Shows' running orders; blocks and items are saved and loaded with them (<see cref="RundownOrder"/>).</summary>
    public DbSet<Rundown> Rundowns => Set<Rundown>();

    /// <summary>What the wires delivered, waiting for editors; and each wire's polling state.</summary>
    public DbSet<IncomingItem> Incoming => Set<IncomingItem>();
    public DbSet<WireSourceState> WireSources => Set<WireSourceState>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            // Changes are found once, before the revisions that a change supersedes are given their content, and
            // not again by the save: an import's batch holds thousands of entries.
            SupersededRevisions.Keep(this);
            ChangeTracker.AutoDetectChangesEnabled = false;
            RundownOrder.Keep(this);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            await SupersededRevisions.KeepAsync(this, cancellationToken);
            ChangeTracker.AutoDetectChangesEnabled = false;
            RundownOrder.Keep(this);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BulletinDbContext).Assembly);
    }
}
