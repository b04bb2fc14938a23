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

    /// <summary>
    /// Whether a node brings the database up to date when it starts (under a database lock, so nodes starting
    /// together migrate it once). Unset, it is on for SQLite (one machine, nothing else to run) and off for
    /// PostgreSQL, where <c>bulletin db migrate</c> is the deploy step and a node refuses to start on a database
    /// that lacks migrations, instead of changing the schema under the nodes still running the old version.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool MigratesOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
