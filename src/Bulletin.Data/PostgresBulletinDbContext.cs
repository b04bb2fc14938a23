using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data;

/// <summary>PostgreSQL, for newsrooms that run several nodes on one shared database.</summary>
public sealed class PostgresBulletinDbContext(DbContextOptions<PostgresBulletinDbContext> options) : BulletinDbContext(options);
