using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bulletin.Data;

/// <summary>The embedded default: one file in the data directory, nothing to install.</summary>
public sealed class SqliteBulletinDbContext(DbContextOptions<SqliteBulletinDbContext> options) : BulletinDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no type for an instant, and EF cannot order or compare DateTimeOffset stored as text.
        // As a 64-bit number the column sorts and compares in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
