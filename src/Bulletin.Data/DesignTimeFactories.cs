using Microsoft.EntityFrameworkCore.Design;

namespace Bulletin.Data;

// `dotnet ef migrations add` builds each context through these; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBulletinDbContext>
{
    public SqliteBulletinDbContext CreateDbContext(string[] args) =>
        (SqliteBulletinDbContext)BulletinData.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, ".");
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBulletinDbContext>
{
    public PostgresBulletinDbContext CreateDbContext(string[] args) =>
        (PostgresBulletinDbContext)BulletinData.CreateContext(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=bulletin_design" }, ".");
}
