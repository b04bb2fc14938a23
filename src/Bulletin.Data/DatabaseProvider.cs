namespace Bulletin.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
