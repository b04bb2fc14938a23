namespace Bulletin.Data;

/// <summary>
/// The "Database" configuration section. With nothing set, Bulletin keeps an SQLite file in its data directory;
/// <c>Database__Provider=Postgres</c> with a connection string moves it to PostgreSQL.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, optional (the file is <c>bulletin.db</c> in the data directory); for PostgreSQL, required.</summary>
    public string? ConnectionString { get; set; }
}
